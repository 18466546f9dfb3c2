package dev.offhours.reconciler.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Reports each {@link FieldProblem} of a {@link FieldChecks} section at its own field, with its own message. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckedFieldsValidator.class)
public @interface CheckedFields {

    String message() default "has a problem";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
