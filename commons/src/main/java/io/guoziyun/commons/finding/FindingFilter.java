package io.guoziyun.commons.finding;

import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.validation.UsccCode;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every findings query takes, as of a date. */
public class FindingFilter {

    @QueryParam("asOf")
    @Parameter(description = "Evaluate as of this date (default: today in China)", example = "2022-10-01")
    public LocalDate asOf;

    @QueryParam("rule")
    @Pattern(regexp = "[A-Z]{2}-[0-9]{1,2}", message = "a rule code such as CR-3 or AI-2")
    @Parameter(description = "One of the service's rules", example = "CR-3")
    public String rule;

    @QueryParam("severity")
    public Severity severity;

    @QueryParam("firmId")
    @UsccCode
    public String firmId;

    @QueryParam("subjectId")
    @Parameter(description = "Only the findings on this object")
    public UUID subjectId;

    @QueryParam("status")
    @Parameter(description = "OPEN or RESOLVED as of asOf; both when absent")
    public FindingStatus status;

    public LocalDate date() {
        return ChinaTime.orToday(asOf);
    }
}
