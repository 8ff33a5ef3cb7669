package dev.ragft;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed import directions between ragft's packages, over the compiled main classes of both
 * modules. The folder tree is the architecture: facts and cost at the bottom, then the questionnaire,
 * the engine, the analysis, policy tooling and reports, the facade ({@link Advisor}, {@link Facts}) on
 * top of the library, and the front ends (console, server, cli) above it.
 */
class ArchitectureTest {

    /** The facade's entry points; everything else in {@code dev.ragft} is its vocabulary (values, errors). */
    static final Set<String> ENTRY_POINTS = Set.of(Advisor.class.getName(), Facts.class.getName());

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main classes only: the core's test helpers reach this module as a test-jar, which the
        // predefined option (folders named test-classes) would let through.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("dev.ragft");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.ragft.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(DescribedPredicate.describe("the facade's values and errors",
                        (JavaClass c) -> c.getPackageName().equals("dev.ragft") && !ENTRY_POINTS.contains(topLevel(c))))
                .layer("facade").definedBy(DescribedPredicate.describe("the facade's entry points",
                        (JavaClass c) -> ENTRY_POINTS.contains(topLevel(c))))
                .layer("facts").definedBy("dev.ragft.facts..")
                .layer("cost").definedBy("dev.ragft.cost..")
                .layer("questionnaire").definedBy("dev.ragft.questionnaire..")
                .layer("answers").definedBy("dev.ragft.answers..")
                .layer("engine").definedBy("dev.ragft.engine..")
                .layer("analysis").definedBy("dev.ragft.analysis..")
                .layer("policy").definedBy("dev.ragft.policy..")
                .layer("report").definedBy("dev.ragft.report..")
                .layer("console").definedBy("dev.ragft.console..")
                .layer("server").definedBy("dev.ragft.server..")
                .layer("cli").definedBy("dev.ragft.cli..")
                .whereLayer("facts").mayOnlyAccessLayers("api")
                .whereLayer("cost").mayOnlyAccessLayers("facts")
                .whereLayer("questionnaire").mayOnlyAccessLayers("api", "facts", "cost")
                .whereLayer("answers").mayOnlyAccessLayers("api", "facts", "questionnaire")
                .whereLayer("engine").mayOnlyAccessLayers("api", "facts", "cost", "questionnaire", "answers")
                .whereLayer("analysis").mayOnlyAccessLayers("api", "facts", "cost", "questionnaire", "engine")
                .whereLayer("report").mayOnlyAccessLayers("api", "facts", "cost", "questionnaire")
                .whereLayer("policy").mayOnlyAccessLayers("api", "facts", "cost", "questionnaire", "answers",
                        "engine", "analysis")
                .whereLayer("api").mayOnlyAccessLayers("facts", "cost", "questionnaire", "report")
                .whereLayer("facade").mayOnlyAccessLayers("api", "facts", "cost", "questionnaire", "answers",
                        "engine", "analysis", "policy", "report")
                .whereLayer("console").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    /**
     * The front ends go through the facade ({@link Advisor}) or the policy tooling, never the engine or the
     * analysis.
     */
    @Test
    void frontEndsGoThroughTheFacade() {
        noClasses().that().resideInAnyPackage("dev.ragft.cli..", "dev.ragft.console..", "dev.ragft.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ragft.engine..", "dev.ragft.analysis..")
                .as("front ends use the facade, not the engine or the analysis")
                .check(classes);
    }

    @Test
    void theLibraryBringsNoCommandLineTerminalOrLoggingBinding() {
        noClasses().that().resideOutsideOfPackages("dev.ragft.cli..", "dev.ragft.console..", "dev.ragft.server..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..", "org.slf4j.simple..")
                .check(classes);
    }

    private static String topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }
}
