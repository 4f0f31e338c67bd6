package cn.lianxin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Main Java code by its source text: a {@code Variables} constant counts as used when a file other
 * than its contract class mentions the contract class and names the constant — qualified
 * ({@code Variables.STATUS}) or through a static import of it or of {@code Variables.*}. Source
 * text, because javac inlines constants and leaves no trace of them in the bytecode.
 */
final class ModelContractJavaSources implements Predicate<Field> {

    private final Map<Path, String> sources;

    ModelContractJavaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .collect(Collectors.toMap(p -> p, ModelContractJavaSources::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean test(Field constant) {
        Class<?> nested = constant.getDeclaringClass();
        String contract = nested.getEnclosingClass().getSimpleName();
        String qualified = nested.getSimpleName() + "." + constant.getName();
        String staticImport = contract + "." + qualified + ";";
        String wildcardImport = contract + "." + nested.getSimpleName() + ".*;";
        Pattern bare = Pattern.compile("(?<![\\w.])" + constant.getName() + "\\b");
        return sources.entrySet().stream()
                .filter(source -> !source.getKey().getFileName().toString().equals(contract + ".java"))
                .map(Map.Entry::getValue)
                .filter(text -> text.contains(contract))
                .anyMatch(text -> Pattern.compile("(?<![\\w])" + Pattern.quote(qualified) + "\\b")
                                .matcher(text)
                                .find()
                        || (text.contains(staticImport) || text.contains(wildcardImport))
                                && bare.matcher(withoutImports(text)).find());
    }

    private static String withoutImports(String text) {
        return text.replaceAll("(?m)^import .*$", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
