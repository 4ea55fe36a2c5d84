package dev.pgreach.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every value type of pgreach.
 *
 * <p>Generated implementation classes are package-private and hidden behind the abstract value
 * type: callers only ever see {@code X.builder()} and the abstract type. Builders are strict (an
 * attribute can be set once), collections are Guava immutable collections, and no attribute may be
 * {@code null}.
 *
 * <p>Generated classes carry only annotations of the JDK ({@code allowedClasspathAnnotations}):
 * Immutables would otherwise mark them with its own {@code org.immutables.value.Generated} and
 * Error Prone's annotations, and an application compiling against pgreach with {@code -Xlint:all
 * -Werror} and without those jars would fail on "cannot find annotation method" warnings.
 *
 * <p>This annotation is part of pgreach's own build; applications do not need it.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    jdkOnly = false,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false),
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    throwForInvalidImmutableState = PgreachException.class,
    throwForNullPointer = PgreachException.class,
    allowedClasspathAnnotations = {javax.annotation.processing.Generated.class})
public @interface PgreachStyle {}
