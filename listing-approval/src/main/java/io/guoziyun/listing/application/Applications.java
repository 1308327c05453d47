package io.guoziyun.listing.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Order;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.listing.gate.ComplianceGate;
import io.guoziyun.problem.InvalidInput;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Applications as firms file them and as regulators find them: drafts, reads, lists, the queue, the export. */
@ApplicationScoped
@Transactional
public class Applications {

    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "createdAt",
            "submittedOn", "submittedOn",
            "deadline", "stageDeadline",
            "accessionNumber", "accessionNumber",
            "firmId", "firmId",
            "stage", "stage");
    /** The queue's order: running clocks first, by stage deadline (none last), then by submission. */
    private static final Order QUEUE = new Order(List.of(
            new Order.Key(
                    "case when pausedOn is null then 0 else 1 end",
                    false,
                    false,
                    Integer.class,
                    app -> ((ListingApplication) app).pausedOn == null ? 0 : 1),
            Order.Key.attribute(ListingApplication.class, "stageDeadline", false, true),
            Order.Key.attribute(ListingApplication.class, "submittedOn", false, true),
            Order.Key.attribute(ListingApplication.class, "id", false, false)));

    static final List<Stage> PENDING = List.of(
            Stage.SUBMITTED,
            Stage.INITIAL_REVIEW,
            Stage.MEMBER_UNITS_REVIEW,
            Stage.SPECIAL_REVIEW,
            Stage.SUPPLEMENT_REQUESTED);
    private static final List<String> CSV_COLUMNS = List.of(
            "id",
            "firmId",
            "accessionNumber",
            "latestAccessionNumber",
            "exchange",
            "exchangeCountry",
            "listingType",
            "usersWithPersonalInfo",
            "sector",
            "stage",
            "submittedOn",
            "reviewRequired",
            "stageDeadline",
            "workingDaysLeft",
            "overdue",
            "clockStopped",
            "decidedOn");

    private static final TypeReference<List<ComplianceGate.GateFinding>> SEEN = new TypeReference<>() {};

    private final Assessor assessor;
    private final Timeline timeline;
    private final ApplicationViews views;
    private final ObjectMapper json;

    public Applications(Assessor assessor, Timeline timeline, ApplicationViews views, ObjectMapper json) {
        this.assessor = assessor;
        this.timeline = timeline;
        this.views = views;
        this.json = json;
    }

    public Versioned<ApplicationView> create(String firmId, ApplicationFiling filing) {
        ListingApplication app = ListingApplication.draft(firmId, filing);
        assessor.assess(app);
        app.persist();
        timeline.record(app, Action.CREATION, null, null, null, null);
        return new Versioned<>(views.view(app, null), app.version);
    }

    public Versioned<ApplicationView> read(UUID id, LocalDate asOf) {
        ListingApplication app = ListingApplication.get(id);
        return new Versioned<>(views.view(app, asOf), app.version);
    }

    /** A DRAFT's facts replaced; after submission the firm files an amendment instead. */
    public Versioned<ApplicationView> correct(UUID id, IfMatch ifMatch, ApplicationFiling filing) {
        ListingApplication app = ListingApplication.get(id);
        ifMatch.check(app.version);
        Action.CORRECTION.requireOn(app);
        ApplicationView before = views.record(app);
        app.file(filing);
        assessor.assess(app);
        timeline.record(app, Action.CORRECTION, app.stage, null, null, before);
        return new Versioned<>(views.view(app, null), app.version);
    }

    public Page<ApplicationView> list(PageParams page, Stage stage, String firmId, LocalDate asOf) {
        Conditions where = new Conditions().equal("stage", stage).equal("firmId", firmId);
        return Page.of(
                ListingApplication.class,
                where,
                page.order(
                        ListingApplication.class,
                        SORTS,
                        "-createdAt",
                        "id",
                        Set.of("submittedOn", "stageDeadline", "accessionNumber")),
                page,
                (query, parameters) -> ListingApplication.find(query, parameters),
                app -> views.view(app, asOf));
    }

    /** Awaiting the regulator, by stage deadline, most overdue first; stopped clocks last. */
    public Page<ApplicationView> queue(PageParams page, Stage stage, LocalDate asOf) {
        if (stage != null && !PENDING.contains(stage)) {
            throw InvalidInput.field("stage", "one of the stages awaiting the regulator: " + PENDING);
        }
        Conditions where = new Conditions()
                .clause("stage in :pending")
                .parameter("pending", stage == null ? PENDING : List.of(stage));
        return Page.of(
                ListingApplication.class,
                where,
                QUEUE,
                page,
                (query, parameters) -> ListingApplication.find(query, parameters),
                app -> views.view(app, asOf));
    }

    public ListingStatistics statistics(LocalDate asOf) {
        var em = ListingApplication.getEntityManager();
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Object[] row : em.createQuery(
                        "select a.stage, count(a) from ListingApplication a group by a.stage", Object[].class)
                .getResultList()) {
            byStage.put((Stage) row[0], ((Number) row[1]).longValue());
        }
        long overdue = em.createQuery(
                        "select count(a) from ListingApplication a where a.pausedOn is null"
                                + " and a.stageDeadline < :asOf",
                        Long.class)
                .setParameter("asOf", asOf)
                .getSingleResult();
        List<String> firms = em.createQuery(
                        "select distinct a.firmId from ListingApplication a order by a.firmId", String.class)
                .getResultList();
        return new ListingStatistics(asOf, firms, byStage, overdue);
    }

    /** Every application with its stage and deadline as of {@code asOf}, as CSV. */
    public String exportCsv(Stage stage, LocalDate asOf) {
        CsvExport csv = new CsvExport(CSV_COLUMNS);
        Conditions where = new Conditions().equal("stage", stage);
        for (ListingApplication app : ListingApplication.<ListingApplication>find(
                        where.from("ListingApplication"),
                        Sort.by("firmId").and("createdAt").and("id"),
                        where.parameters())
                .list()) {
            ApplicationView v = views.view(app, asOf);
            ApplicationView.Deadline d = v.deadline();
            csv.row(Arrays.asList(
                    v.id(),
                    v.firmId(),
                    v.accessionNumber(),
                    v.latestAccessionNumber(),
                    v.exchange(),
                    v.exchangeCountry(),
                    v.listingType(),
                    v.usersWithPersonalInfo(),
                    v.sector(),
                    v.stage(),
                    v.submittedOn(),
                    v.reviewRequired(),
                    d == null ? null : d.stageDeadline(),
                    d == null ? null : d.workingDaysLeft(),
                    d == null ? null : d.overdue(),
                    d == null ? null : d.clockStopped(),
                    v.decision() == null ? null : v.decision().decidedOn()));
        }
        return csv.toString();
    }

    public List<TransitionView> timeline(UUID id) {
        ListingApplication.get(id);
        return Transition.ofApplication(id).stream().map(views::transition).toList();
    }

    public List<SnapshotView> snapshots(UUID id) {
        ListingApplication.get(id);
        return GateSnapshot.ofApplication(id).stream()
                .map(s -> views.snapshot(s, readJson(s.findings)))
                .toList();
    }

    private List<ComplianceGate.GateFinding> readJson(String text) {
        try {
            return json.readValue(text, SEEN);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot is not a list of findings", e);
        }
    }
}
