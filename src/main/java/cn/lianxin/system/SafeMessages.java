package cn.lianxin.system;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a message may be shown to a person as it is: it must not reveal how the platform is built
 * (SQL and table names, Java class names, exception names, stack frames). Used for the few messages
 * of Camunda's REST API worth passing on: the platform's own Chinese refusals and a model's parse
 * errors for the process designer who deploys it.
 */
final class SafeMessages {

    private static final List<Pattern> INTERNALS = List.of(
            // SQL statements, database errors and Camunda's table names
            Pattern.compile(
                    "\\b(select|insert|update|delete|merge)\\b.{0,200}?\\b(from|into|set|where|values)\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            Pattern.compile(
                    "\\b(sql|jdbc|constraint|duplicate key|foreign key|violates|relation \"|"
                            + "column \"|mybatis|ibatis|postgres\\w*|h2)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bACT_[A-Z]{2}_", Pattern.CASE_INSENSITIVE),
            Pattern.compile("###"),
            // package-qualified names (org.camunda…, java.lang.String) and exception or error classes
            Pattern.compile("\\b(java|javax|jakarta|org|com|sun|cn|io|net)\\.[a-z]"),
            Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*"),
            Pattern.compile("exception|throwable", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b[A-Z][A-Za-z0-9]+Error\\b"),
            // stack frames
            Pattern.compile("\\bat [\\w$.]+\\("),
            Pattern.compile("\\.java:\\d+"),
            Pattern.compile("caused by", Pattern.CASE_INSENSITIVE));

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private SafeMessages() {}

    /** True when the text names nothing of the platform's inside. */
    static boolean isSafe(String text) {
        return text != null
                && !text.isBlank()
                && INTERNALS.stream().noneMatch(pattern -> pattern.matcher(text).find());
    }

    /** A safe text written in Chinese: one of the platform's own messages. */
    static boolean isOwnChinese(String text) {
        return isSafe(text) && CHINESE.matcher(text).find();
    }
}
