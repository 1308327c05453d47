package io.guoziyun.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record: the date component {@code later} must not be before {@code earlier} when both are given. The
 * violation is reported on {@code later}, so the client sees which field to fix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DateOrderValidator.class)
@Repeatable(DateOrder.List.class)
public @interface DateOrder {

    String earlier();

    String later();

    String message() default "must not be before {earlier}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        DateOrder[] value();
    }
}
