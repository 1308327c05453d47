package io.guoziyun.commons.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layers of a service, as docs/ARCHITECTURE.md draws them, checked against its compiled classes: thin
 * resources that neither open transactions nor call each other, entities that change only through their own
 * methods and know nothing of HTTP, and files a reader can hold in mind.
 */
public final class ArchitectureRules {

    /** A source file longer than this is a sign that two things live in it. */
    public static final int MAX_LINES = 250;

    private static final DescribedPredicate<JavaClass> RESOURCES = new DescribedPredicate<>("resources") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith("jakarta.ws.rs.Path") || c.getSimpleName().endsWith("Resource");
        }
    };

    private static final DescribedPredicate<JavaClass> ENTITIES = new DescribedPredicate<>("entities") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith("jakarta.persistence.Entity")
                    || c.isAnnotatedWith("jakarta.persistence.MappedSuperclass");
        }
    };

    private ArchitectureRules() {}

    /** Every rule on the main classes under {@code basePackage}, and the size of the sources under {@code sources}. */
    public static void check(String basePackage, Path sources) {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        noClasses()
                .that(RESOURCES)
                .should()
                .dependOnClassesThat(RESOURCES.and(new DescribedPredicate<>("annotated with @Path") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.isAnnotatedWith("jakarta.ws.rs.Path");
                    }
                }))
                .as("no resource calls another resource")
                .allowEmptyShould(true)
                .check(main);

        noClasses()
                .that(ENTITIES)
                .should()
                .dependOnClassesThat(RESOURCES)
                .as("entities do not depend on resources")
                .allowEmptyShould(true)
                .check(main);

        classes()
                .that(RESOURCES)
                .should(new ArchCondition<>("not open transactions (no @Transactional on the class or a method)") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        if (c.isAnnotatedWith("jakarta.transaction.Transactional")) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is @Transactional"));
                        }
                        c.getMethods().stream()
                                .filter(m -> m.isAnnotatedWith("jakarta.transaction.Transactional"))
                                .forEach(m -> events.add(
                                        SimpleConditionEvent.violated(m, m.getFullName() + " is @Transactional")));
                    }
                })
                .allowEmptyShould(true)
                .check(main);

        classes()
                .should(new ArchCondition<>("set an entity's fields only inside the entity (its methods decide)") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
                            if (access.getAccessType() != JavaFieldAccess.AccessType.SET) {
                                continue;
                            }
                            JavaClass owner = access.getTarget().getOwner();
                            if (ENTITIES.test(owner) && !c.isAssignableTo(owner.getName()) && !isStatic(access)) {
                                events.add(SimpleConditionEvent.violated(access, describe(access)));
                            }
                        }
                    }
                })
                .check(main);

        assertEquals(List.of(), longFiles(sources), "source files over " + MAX_LINES + " lines");
    }

    private static boolean isStatic(JavaFieldAccess access) {
        return access.getTarget()
                .resolveMember()
                .map(f -> f.getModifiers().contains(JavaModifier.STATIC))
                .orElse(false);
    }

    private static String describe(JavaAccess<? extends AccessTarget> access) {
        return access.getOrigin().getFullName() + " sets " + access.getTarget().getFullName() + " (line "
                + access.getLineNumber() + ")";
    }

    private static List<String> longFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> sources.relativize(f) + " (" + lines(f) + " lines)")
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
