package io.guoziyun.listing.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The suite's proposal on whether a cybersecurity review is required, with every rule it weighed and why. */
@Schema(name = "ReviewAssessment")
public record ReviewAssessment(
        @Schema(description = "True when LA-1 or LA-3 applies; the regulator's determination decides")
        boolean reviewProposed,

        List<Reason> reasons) {

    public record Reason(
            @Schema(example = "LA-1") String rule,

            @Schema(description = "Whether the rule applies")
            boolean applies,

            String explanation) {}

    /** The facts of an application the rules look at. */
    public record Facts(
            long usersWithPersonalInfo, String exchangeCountry, String sector, boolean coreOrImportantData) {}

    public static ReviewAssessment of(Facts facts, ReviewPolicy policy) {
        List<Reason> reasons = new ArrayList<>();
        boolean abroad = !policy.notAbroad().contains(facts.exchangeCountry());
        boolean overThreshold = facts.usersWithPersonalInfo() > policy.userThreshold();
        String users = String.format(Locale.ROOT, "%,d", facts.usersWithPersonalInfo());
        String threshold = String.format(Locale.ROOT, "%,d", policy.userThreshold());
        boolean la1 = overThreshold && abroad;
        reasons.add(new Reason(
                "LA-1",
                la1,
                "personal information of " + users + " users, " + (overThreshold ? "more than" : "not more than")
                        + " " + threshold + "; listing in " + facts.exchangeCountry() + ", "
                        + (abroad ? "abroad" : "not abroad for this rule")));
        boolean la3 = policy.sensitiveSectors().contains(facts.sector());
        reasons.add(new Reason(
                "LA-3", la3, "sector " + facts.sector() + (la3 ? " is" : " is not") + " a sensitive sector"));
        if (facts.coreOrImportantData()) {
            reasons.add(new Reason(
                    "NOTE",
                    true,
                    "holds core or important data: the regulator should weigh the listing's effect on it"));
        }
        return new ReviewAssessment(la1 || la3, List.copyOf(reasons));
    }
}
