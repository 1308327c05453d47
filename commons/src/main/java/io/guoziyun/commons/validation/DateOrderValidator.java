package io.guoziyun.commons.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

public class DateOrderValidator implements ConstraintValidator<DateOrder, Record> {

    private String earlier;
    private String later;

    @Override
    public void initialize(DateOrder annotation) {
        earlier = annotation.earlier();
        later = annotation.later();
    }

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        LocalDate from = component(value, earlier);
        LocalDate to = component(value, later);
        if (from == null || to == null || !to.isBefore(from)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(later)
                .addConstraintViolation();
        return false;
    }

    private static LocalDate component(Record value, String name) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return (LocalDate) c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalStateException("@DateOrder names " + name + ", not a LocalDate component", e);
                }
            }
        }
        throw new IllegalStateException("@DateOrder names " + name + ", which " + value.getClass() + " lacks");
    }
}
