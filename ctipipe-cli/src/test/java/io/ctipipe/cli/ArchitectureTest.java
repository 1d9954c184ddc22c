package io.ctipipe.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The three services talk only through Kafka topics and the shared contracts: none imports another,
 * and none needs the embedded broker or an emulator at run time.
 */
class ArchitectureTest {
    private static final String INGESTER = "io.ctipipe.ingester..";
    private static final String MAPPER = "io.ctipipe.mapper..";
    private static final String SINK = "io.ctipipe.sink..";
    private static final String EMBEDDED = "io.ctipipe.kafka.embedded..";
    private static final String EMULATORS = "io.ctipipe.emulator..";
    private static final String CLI = "io.ctipipe.cli..";

    private final JavaClasses classes =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.ctipipe");

    @Test
    void ingesterDependsOnNoOtherService() {
        noClasses()
                .that()
                .resideInAPackage(INGESTER)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(MAPPER, SINK, EMBEDDED, EMULATORS, CLI)
                .check(classes);
    }

    @Test
    void mapperDependsOnNoOtherService() {
        noClasses()
                .that()
                .resideInAPackage(MAPPER)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGESTER, SINK, EMBEDDED, EMULATORS, CLI)
                .check(classes);
    }

    @Test
    void sinkDependsOnNoOtherService() {
        noClasses()
                .that()
                .resideInAPackage(SINK)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGESTER, MAPPER, EMBEDDED, EMULATORS, CLI)
                .check(classes);
    }

    @Test
    void sharedContractsDependOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.ctipipe.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGESTER, MAPPER, SINK, EMBEDDED, EMULATORS, CLI)
                .check(classes);
    }

    @Test
    void emulatorsKnowNothingOfThePipeline() {
        noClasses()
                .that()
                .resideInAPackage(EMULATORS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGESTER, MAPPER, SINK, EMBEDDED, CLI, "io.ctipipe.contracts..")
                .check(classes);
    }
}
