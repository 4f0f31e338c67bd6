package cn.lianxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
     * (the engine's clock, users, hooks) and the engine plugins whose extension points Camunda defines
     * there — of sign-in (a password encryptor, an identity provider) and of the units' access (a
     * tenant id provider, the grants on new tasks) — may use it.
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
                        "cn\\.lianxin\\.(system\\.(AdaptivePasswordHash|LockAwareIdentityProvider|SignInEnginePlugin)"
                                + "|identity\\.UnitAccessEnginePlugin)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda.bpm.engine.impl..")
                .check(classes);
    }

    /**
     * A module's internals are package-private: a public type must be used from outside its package
     * (another module, a sub-package, or the framework that needs it public, named here with why).
     */
    @Test
    void typesUsedOnlyInsideTheirPackageArePackagePrivate() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lianxin");
        Set<String> publicOnPurpose = Set.of(
                // Spring Boot's entry point
                "cn.lianxin.LianxinApplication",
                // Camunda's ProcessEngineAuthenticationFilter instantiates it by class name
                "cn.lianxin.system.SpringSecurityEngineAuthentication",
                // Flyway finds and instantiates Java migrations by class name
                "cn.lianxin.identity.migration.V12__tenants_of_open_cases",
                "cn.lianxin.identity.migration.V25__department_work_tenants",
                "cn.lianxin.appeal.migration.V17_1__place_keys_of_earlier_cases",
                "cn.lianxin.appeal.migration.V26_1__daily_tallies_of_earlier_cases",
                // the BPMN ↔ Java contracts are each process's published API (STYLE.md)
                "cn.lianxin.appeal.AppealProcess",
                "cn.lianxin.deliberation.DeliberationProcess",
                "cn.lianxin.supervision.SupervisionProcess",
                "cn.lianxin.service.ServiceOrderProcess",
                // beans the models call in expressions: the engine's expression language needs public types
                "cn.lianxin.deadline.Deadlines",
                // the port a county's SMS gateway implements
                "cn.lianxin.notification.Notifier",
                // appeal's intake: other modules' process tests open their cases through it
                "cn.lianxin.appeal.AppealIntake",
                "cn.lianxin.appeal.IntakeRequest",
                "cn.lianxin.appeal.Channel");

        List<String> needlesslyPublic = classes.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .filter(c -> !publicOnPurpose.contains(c.getName()))
                .filter(c -> classes.stream()
                        .filter(inner -> inner.equals(c) || inner.getName().startsWith(c.getName() + "$"))
                        .flatMap(inner -> inner.getDirectDependenciesToSelf().stream())
                        .map(dependency -> dependency.getOriginClass().getPackageName())
                        .allMatch(origin -> origin.equals(c.getPackageName())))
                .map(JavaClass::getName)
                .sorted()
                .toList();

        assertThat(needlesslyPublic)
                .as("public, but used only inside their own package")
                .isEmpty();
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
