package cn.lianxin.system;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The model → Java half of the contract: every bean a BPMN expression names exists, every method it
 * calls on a bean is public with that name and number of arguments, every property it reads has a
 * getter, and every listener or service task delegates to a bean of the right kind. Beans are known
 * by name and class without starting Spring (the test reflects over the classes the component scan
 * finds), so a renamed method fails here, not when the first case reaches that step.
 *
 * <p>Expressions are read from every attribute and text of the XML, not only from the places the
 * model API names, so a new kind of expression (a listener's {@code expression}, an input mapping,
 * a timer) is covered the day a designer adds it.
 */
final class ModelContractExpressions {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

    /** The kind of bean each place that delegates to one must hold. */
    private static final Map<String, List<Class<?>>> DELEGATE_KINDS = Map.of(
            "executionListener", List.of(ExecutionListener.class, JavaDelegate.class),
            "taskListener", List.of(TaskListener.class),
            "serviceTask", List.of(JavaDelegate.class),
            "sendTask", List.of(JavaDelegate.class));

    /** One {@code ${…}} of a model: where it stands (the nearest element with an id, the attribute) and its body. */
    record Found(String file, String element, String place, String body) {

        String quoted() {
            return file + ": '${" + body + "}' in " + place + " of '" + element + "'";
        }
    }

    private final Map<String, Class<?>> beans;

    /** @param beans the platform's beans by name, each with its class (for a {@code @Bean} method, its return type) */
    ModelContractExpressions(Map<String, Class<?>> beans) {
        this.beans = Map.copyOf(beans);
    }

    /** Every expression of every BPMN file under {@code models} that names a missing bean, method or property. */
    List<String> violations(Path models) {
        List<String> violations = new ArrayList<>();
        for (Path bpmn : bpmnFiles(models)) {
            Document document = parse(bpmn);
            for (Found found : expressions(bpmn, document)) {
                for (ModelContractRoots.Root root : ModelContractRoots.of(found.body())) {
                    violations.addAll(rootViolations(found, root));
                }
            }
            violations.addAll(delegateViolations(fileName(bpmn), document));
        }
        return violations;
    }

    private List<String> rootViolations(Found found, ModelContractRoots.Root root) {
        Class<?> bean = beans.get(root.name());
        if (bean == null) {
            if (root.member() == null
                    && root.arguments() >= 0
                    && !ModelContractRoots.ENGINE_NAMES.contains(root.name())) {
                return List.of(found.quoted() + " calls the function " + root.name()
                        + "(), which is neither the engine's nor a bean's");
            }
            if (root.member() != null && root.arguments() >= 0) {
                return List.of(found.quoted() + " calls " + root.member() + " on '" + root.name()
                        + "', which is not a bean of the platform");
            }
            // a variable, or a property of a variable: checked against the process's contract class
            return List.of();
        }
        if (root.member() == null) {
            return List.of();
        }
        if (root.arguments() >= 0 && !hasPublicMethod(bean, root.member(), root.arguments())) {
            return List.of(found.quoted() + " calls " + root.name() + "." + root.member() + " with "
                    + root.arguments() + " argument(s), but " + bean.getSimpleName()
                    + " has no public method of that name and arity");
        }
        if (root.arguments() < 0 && !hasGetter(bean, root.member())) {
            return List.of(found.quoted() + " reads " + root.name() + "." + root.member() + ", but "
                    + bean.getSimpleName() + " has no public getter for it");
        }
        return List.of();
    }

    private List<String> delegateViolations(String file, Document document) {
        List<String> violations = new ArrayList<>();
        for (var kind : DELEGATE_KINDS.entrySet()) {
            String namespace = kind.getKey().endsWith("Listener") ? CAMUNDA_NS : null;
            for (Element element : elements(document, namespace, kind.getKey())) {
                String owner = owner(element);
                String expression = element.getAttributeNS(CAMUNDA_NS, "delegateExpression");
                if (expression.isEmpty()) {
                    expression = element.getAttribute("delegateExpression");
                }
                boolean isListener = namespace != null;
                if (isListener && element.hasAttribute("class")) {
                    violations.add(file + ": " + kind.getKey() + " of '" + owner
                            + "' uses class instead of a delegateExpression");
                }
                if (expression.isEmpty()) {
                    continue;
                }
                Matcher bean = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}")
                        .matcher(expression.trim());
                Class<?> type = bean.matches() ? beans.get(bean.group(1)) : null;
                if (type == null) {
                    // a service task's missing bean is ModelContract's finding; a listener's is ours
                    if (isListener) {
                        violations.add(file + ": " + kind.getKey() + " of '" + owner + "' delegates to '" + expression
                                + "', which is not a bean of the platform");
                    }
                } else if (kind.getValue().stream().noneMatch(required -> required.isAssignableFrom(type))) {
                    violations.add(file + ": " + kind.getKey() + " of '" + owner + "' delegates to '" + expression
                            + "' (" + type.getSimpleName() + "), which is no "
                            + kind.getValue().get(0).getSimpleName());
                }
            }
        }
        return violations;
    }

    /** Every {@code ${…}} in the file's attributes and texts, with the element it belongs to. */
    static List<Found> expressions(Path bpmn, Document document) {
        List<Found> found = new ArrayList<>();
        collect(document.getDocumentElement(), "", fileName(bpmn), found);
        return found;
    }

    private static void collect(Element element, String owner, String file, List<Found> found) {
        String id = element.getAttribute("id");
        String here = id.isEmpty() ? owner : id;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            add(found, file, here, attribute.getName(), attribute.getValue());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, here, file, found);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                add(found, file, here, element.getTagName(), child.getNodeValue());
            }
        }
    }

    private static void add(List<Found> found, String file, String owner, String place, String text) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            found.add(new Found(file, owner, place, expression.group(1).trim()));
        }
    }

    private static boolean hasPublicMethod(Class<?> type, String name, int arity) {
        return Arrays.stream(type.getMethods())
                .anyMatch(method -> method.getName().equals(name)
                        && (method.getParameterCount() == arity
                                || method.isVarArgs() && arity >= method.getParameterCount() - 1));
    }

    private static boolean hasGetter(Class<?> type, String property) {
        String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName)
                .anyMatch(name -> name.equals("get" + capitalised) || name.equals("is" + capitalised));
    }

    private static List<Element> elements(Document document, String namespace, String localName) {
        var nodes = namespace == null
                ? document.getElementsByTagNameNS("*", localName)
                : document.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The id of the element itself or of its nearest ancestor that has one. */
    static String owner(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return "";
    }

    static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static List<Path> bpmnFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    static String fileName(Path path) {
        return path.getFileName().toString();
    }
}
