package cn.lianxin.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names a JUEL expression of a model starts from — beans, variables, the engine's functions —
 * each with the method or property it reaches and the number of arguments of the call. A small
 * scanner rather than the engine's parser: the contract test must not need a running engine, and
 * it only has to know where names stand, skipping string literals.
 */
final class ModelContractRoots {

    /** JUEL's operators spelled as words, and its literals: never a bean or a variable. */
    private static final Set<String> KEYWORDS = Set.of(
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "instanceof");

    /** What Camunda itself puts into an expression's scope: variables and functions of the engine. */
    static final Set<String> ENGINE_NAMES = Set.of(
            "execution",
            "task",
            "externalTask",
            "variableScope",
            "authenticatedUserId",
            "now",
            "dateTime",
            "currentUser",
            "currentUserGroups");

    /**
     * A name at the root of an expression: a bean, a variable or an engine function. {@code member}
     * is the method or property reached through it, or null; {@code arguments} counts the arguments of
     * the call ({@code -1} when nothing is called).
     */
    record Root(String name, String member, int arguments) {}

    /**
     * The names an expression starts from, each with what it reaches: {@code deadlines.dueAt('triage',
     * execution)} gives {@code deadlines → dueAt(2)} and {@code execution}; string literals are skipped.
     */
    static List<Root> of(String body) {
        List<Root> roots = new ArrayList<>();
        char previous = ' ';
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                i = afterLiteral(body, i);
                previous = 'L';
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = identifierEnd(body, i);
                String name = body.substring(i, end);
                if (previous != '.' && !KEYWORDS.contains(name)) {
                    roots.add(root(body, name, end));
                }
                previous = 'I';
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = c;
                }
                i++;
            }
        }
        return roots;
    }

    private static Root root(String body, String name, int end) {
        int next = skipSpaces(body, end);
        if (next < body.length() && body.charAt(next) == '(') {
            return new Root(name, null, arguments(body, next));
        }
        if (next < body.length() && body.charAt(next) == '.') {
            int memberStart = skipSpaces(body, next + 1);
            int memberEnd = identifierEnd(body, memberStart);
            if (memberEnd > memberStart) {
                int call = skipSpaces(body, memberEnd);
                int arguments = call < body.length() && body.charAt(call) == '(' ? arguments(body, call) : -1;
                return new Root(name, body.substring(memberStart, memberEnd), arguments);
            }
        }
        return new Root(name, null, -1);
    }

    /** The number of arguments of the call whose '(' stands at {@code open}. */
    private static int arguments(String body, int open) {
        int depth = 0;
        int commas = 0;
        boolean empty = true;
        int i = open;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                empty = false;
                i = afterLiteral(body, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                if (depth > 1) {
                    empty = false;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (c == ',' && depth == 1) {
                commas++;
            } else if (!Character.isWhitespace(c)) {
                empty = false;
            }
            i++;
        }
        return empty ? 0 : commas + 1;
    }

    private static int afterLiteral(String body, int start) {
        char quote = body.charAt(start);
        int i = start + 1;
        while (i < body.length() && body.charAt(i) != quote) {
            i += body.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int identifierEnd(String body, int start) {
        int i = start;
        while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String body, int start) {
        int i = start;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i;
    }

    private ModelContractRoots() {}
}
