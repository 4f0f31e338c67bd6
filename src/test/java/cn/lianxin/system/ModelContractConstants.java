package cn.lianxin.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java → model half of the contract: every constant of a {@code *Process} contract class has its
 * counterpart in the BPMN it names, and every decision value a condition compares is an enum constant.
 *
 * <ul>
 *   <li>{@code KEY} is the id of an executable process in {@code RESOURCE}; any other top-level
 *       constant is a decision the process calls ({@code decisionRef}).
 *   <li>{@code Tasks}: each value is a user task id, and each user task has a constant.
 *   <li>{@code Messages}: each value is a message name, and each message has a constant.
 *   <li>Every field key (and options key) of a form the process uses has a {@code Variables}
 *       constant: Java reads and checks what forms send only through the contract class.
 *   <li>{@code Variables}: a name is alive when the model uses it — at the root of an expression,
 *       as an input/output mapping, result or element variable, as the input of a decision the
 *       process calls, or as the key (or options key) of a field of a form the process uses — or when
 *       main Java code outside the contract class names the constant (the variables Java sets for
 *       itself: the status, the ids of rows). A name alive on neither side is dead and goes.
 *   <li>{@code DECISIONS}: every {@code var == 'VALUE'} (or {@code !=}, {@code eq}, {@code ne}) of
 *       the model names a variable mapped there, and VALUE is a constant of its enum; every mapped
 *       variable is compared somewhere; every nested enum is mapped.
 *   <li>Every variable an expression reads is a contract variable or one the model itself declares
 *       (beans, their calls and the engine's names are ModelContractExpressions' part).
 *   <li>A nested class with constants no rule here knows fails, so nothing escapes unchecked.
 * </ul>
 */
final class ModelContractConstants {

    private static final Set<String> NESTED = Set.of("Tasks", "Messages", "Variables");
    private static final Pattern COMPARISON =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'"
                    + "|'([^']*)'\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final Set<String> beans;
    private final Predicate<Field> usedByJava;

    /**
     * @param beans the names of the platform's beans
     * @param usedByJava whether main Java code names a {@code Variables} constant
     */
    ModelContractConstants(Set<String> beans, Predicate<Field> usedByJava) {
        this.beans = Set.copyOf(beans);
        this.usedByJava = usedByJava;
    }

    /**
     * Every constant of {@code contract} without a counterpart in its model, read from {@code root}
     * ({@code RESOURCE} is relative to it; decisions are read next to the BPMN) and {@code forms}.
     */
    List<String> violations(Class<?> contract, Path root, Path forms) {
        String name = contract.getSimpleName();
        String key = (String) constant(contract, "KEY");
        String resource = (String) constant(contract, "RESOURCE");
        if (key == null || resource == null || !Files.isRegularFile(root.resolve(resource))) {
            return List.of(name + ": KEY and RESOURCE must name an existing model (RESOURCE = " + resource + ")");
        }
        Path bpmn = root.resolve(resource);
        ModelContractModel model = ModelContractModel.read(bpmn, forms);
        String file = bpmn.getFileName().toString();
        List<String> violations = new ArrayList<>();
        if (!model.processes().contains(key)) {
            violations.add(name + ".KEY = '" + key + "' is no executable process of " + file);
        }
        for (Field field : stringConstants(contract)) {
            String value = value(field);
            if (!field.getName().equals("KEY")
                    && !field.getName().equals("RESOURCE")
                    && !model.decisions().contains(value)) {
                violations.add(name + "." + field.getName() + " = '" + value + "' is no decision " + file + " calls");
            }
        }
        Set<String> variables = new HashSet<>();
        for (Class<?> nested : contract.getDeclaredClasses()) {
            if (nested.isEnum()) {
                continue;
            }
            String kind = nested.getSimpleName();
            List<Field> constants = stringConstants(nested);
            if (!NESTED.contains(kind) && !constants.isEmpty()) {
                violations.add(name + "." + kind + ": no rule of the contract test checks these constants");
            }
            for (Field field : constants) {
                String value = value(field);
                String constant = name + "." + kind + "." + field.getName() + " = '" + value + "'";
                if (kind.equals("Tasks") && !model.userTasks().contains(value)) {
                    violations.add(constant + " is no user task of " + file);
                } else if (kind.equals("Messages") && !model.messages().contains(value)) {
                    violations.add(constant + " is no message of " + file);
                } else if (kind.equals("Variables")) {
                    variables.add(value);
                    if (!model.variables().contains(value) && !usedByJava.test(field)) {
                        violations.add(constant + " is used by neither " + file + ", its forms and decisions"
                                + " nor main Java: dead");
                    }
                }
            }
        }
        Set<String> tasks = values(contract, "Tasks");
        model.userTasks().stream()
                .filter(task -> !tasks.contains(task))
                .forEach(task ->
                        violations.add(file + ": user task '" + task + "' has no constant in " + name + ".Tasks"));
        Set<String> messages = values(contract, "Messages");
        model.messages().stream()
                .filter(message -> !messages.contains(message))
                .forEach(message ->
                        violations.add(file + ": message '" + message + "' has no constant in " + name + ".Messages"));
        model.formFields().forEach((field, form) -> {
            if (!variables.contains(field)) {
                violations.add(form + ": field '" + field + "' has no constant in " + name + ".Variables");
            }
        });
        violations.addAll(decisionViolations(contract, model, file));
        for (var found : model.expressions()) {
            for (var start : ModelContractRoots.of(found.body())) {
                // calls and delegates are ModelContractExpressions' findings; what is left reads a variable
                boolean readsVariable = start.arguments() < 0 && !found.place().endsWith("delegateExpression");
                if (readsVariable
                        && !beans.contains(start.name())
                        && !ModelContractRoots.ENGINE_NAMES.contains(start.name())
                        && !variables.contains(start.name())
                        && !model.declared().contains(start.name())) {
                    violations.add(found.quoted() + " reads '" + start.name() + "', which is no bean, no variable of "
                            + name + ".Variables and no variable the model declares");
                }
            }
        }
        return violations;
    }

    private List<String> decisionViolations(Class<?> contract, ModelContractModel model, String file) {
        String name = contract.getSimpleName();
        @SuppressWarnings("unchecked")
        Map<String, Class<? extends Enum<?>>> decisions = constant(contract, "DECISIONS") instanceof Map<?, ?> map
                ? (Map<String, Class<? extends Enum<?>>>) map
                : Map.of();
        List<String> violations = new ArrayList<>();
        Set<String> compared = new HashSet<>();
        for (var found : model.expressions()) {
            Matcher comparison = COMPARISON.matcher(found.body());
            while (comparison.find()) {
                String variable = comparison.group(1) != null ? comparison.group(1) : comparison.group(4);
                String value = comparison.group(1) != null ? comparison.group(2) : comparison.group(3);
                compared.add(variable);
                Class<? extends Enum<?>> values = decisions.get(variable);
                if (values == null) {
                    violations.add(found.quoted() + " compares '" + variable + "' with '" + value + "', but " + name
                            + ".DECISIONS has no enum for '" + variable + "'");
                } else if (Arrays.stream(values.getEnumConstants())
                        .noneMatch(c -> c.name().equals(value))) {
                    violations.add(found.quoted() + " compares '" + variable + "' with '" + value + "', which is no "
                            + "constant of " + values.getSimpleName());
                }
            }
        }
        decisions.keySet().stream()
                .filter(variable -> !compared.contains(variable))
                .forEach(variable -> violations.add(
                        name + ".DECISIONS maps '" + variable + "', which no condition of " + file + " compares"));
        Arrays.stream(contract.getDeclaredClasses())
                .filter(Class::isEnum)
                .filter(type -> !decisions.containsValue(type))
                .forEach(type -> violations.add(name + "." + type.getSimpleName() + " is an enum that " + name
                        + ".DECISIONS does not map to a variable"));
        return violations;
    }

    private static Set<String> values(Class<?> contract, String nested) {
        Set<String> values = new HashSet<>();
        Arrays.stream(contract.getDeclaredClasses())
                .filter(type -> type.getSimpleName().equals(nested))
                .flatMap(type -> stringConstants(type).stream())
                .forEach(field -> values.add(value(field)));
        return values;
    }

    private static List<Field> stringConstants(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                .filter(field -> field.getType() == String.class)
                .toList();
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
