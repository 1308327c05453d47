package io.guoziyun.contracts.migration;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MigrationPlan")
public record PlanView(
        UUID contractId,
        String targetProvider,
        LocalDate plannedCompletionOn,
        LocalDate completedOn,
        LocalDate filedOn,
        List<MilestoneView> milestones) {

    @Schema(name = "Milestone")
    public record MilestoneView(
            UUID id, String title, LocalDate dueOn, int progress, List<String> evidence, long version) {

        static MilestoneView of(Milestone m) {
            List<String> links = m.evidence.isEmpty() ? List.of() : Arrays.asList(m.evidence.split("\n"));
            return new MilestoneView(m.id, m.title, m.dueOn, m.progress, links, m.version);
        }
    }

    static PlanView of(MigrationPlan p, List<Milestone> milestones) {
        return new PlanView(
                p.contractId,
                p.targetProvider,
                p.plannedCompletionOn,
                p.completedOn,
                p.filedOn,
                milestones.stream().map(MilestoneView::of).toList());
    }
}
