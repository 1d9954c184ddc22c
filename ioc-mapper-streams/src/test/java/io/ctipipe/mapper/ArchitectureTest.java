package io.ctipipe.mapper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the module's layering: a pure parser, and other modules reached only by contracts. */
class ArchitectureTest {
    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.ctipipe.mapper");

    @Test
    void keepsThePatternParserFreeOfKafkaJsonAndTheMapper() {
        classes()
                .that()
                .resideInAPackage("..mapper.pattern..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "..mapper.pattern..")
                .check(MAIN);
    }

    @Test
    void reachesOtherModulesOnlyThroughTheSharedContracts() {
        noClasses()
                .should()
                .dependOnClassesThat(
                        resideInAPackage("io.ctipipe..")
                                .and(
                                        resideOutsideOfPackages(
                                                "io.ctipipe.mapper..", "io.ctipipe.contracts..")))
                .check(MAIN);
    }
}
