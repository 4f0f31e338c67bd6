package cn.lianxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The folder tree is the architecture: each top-level package is a module (Spring Modulith), a module
 * reaches another only through the types of its top-level package (a sub-package such as
 * {@code appeal.tasks} is the module's own), and no modules depend on each other in a cycle. The
 * module diagram in docs/architecture.md is generated from the same analysis.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LianxinApplication.class);

    @Test
    void modulesKeepTheirBoundariesWithoutCycles() {
        MODULES.verify();
    }

    /**
     * Camunda's {@code engine.impl} is its inside, free to change in any release: only {@code workflow}
     * (the engine's clock, users, hooks) and the engine plugins of sign-in, whose extension points
     * Camunda defines there (a password encryptor, an identity provider), may use it.
     */
    @Test
    void onlyTheWorkflowModuleAndEnginePluginsUseTheEnginesInside() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lianxin");

        noClasses()
                .that()
                .resideOutsideOfPackage("cn.lianxin.workflow..")
                .and()
                .haveNameNotMatching(
                        "cn\\.lianxin\\.system\\.(AdaptivePasswordHash|LockAwareIdentityProvider|SignInEnginePlugin)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda.bpm.engine.impl..")
                .check(classes);
    }

    @Test
    void theArchitectureDocumentShowsTheModulesAsTheyAre() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);

        assertThat(doc)
                .as("docs/architecture.md must contain exactly this diagram")
                .contains(diagram());
    }

    /** The modules and who uses whom, as a Mermaid flowchart (GitHub draws it). */
    static String diagram() {
        String edges = MODULES.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName))
                .flatMap(module -> module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .filter(target -> !target.equals(module))
                        .map(ApplicationModule::getName)
                        .sorted()
                        .distinct()
                        .map(target -> "    " + module.getName() + " --> " + target))
                .collect(Collectors.joining("\n"));
        return "```mermaid\nflowchart TD\n" + edges + "\n```\n";
    }
}
