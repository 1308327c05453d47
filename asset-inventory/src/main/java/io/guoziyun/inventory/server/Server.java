package io.guoziyun.inventory.server;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.Problem;
import io.guoziyun.problem.StateConflict;
import io.guoziyun.problem.Unprocessable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A server a firm declares; scoped to that firm. */
@Entity
public class Server extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String assetTag;
    public String serial;
    public String hostname;
    public String vendor;
    public String model;
    public String siteCode;

    @Enumerated(EnumType.STRING)
    public Acquisition acquisition;

    public LocalDate acquiredOn;

    @Enumerated(EnumType.STRING)
    public ServerStatus status;

    /** The day the server reached its current status (for DECOMMISSIONED/MIGRATED: when it went). */
    public LocalDate statusOn;

    public String role;
    public Instant createdAt;

    @Version
    public long version;

    /** A server a firm declares, in the status it gives (ACTIVE when none; one past it dated, with evidence). */
    static Server declare(String firmId, ServerFiling filing) {
        ServerStatus status = filing.status() == null ? ServerStatus.ACTIVE : filing.status();
        List<Problem.FieldError> needs =
                status.declarationNeeds(filing.statusOn(), filing.evidence(), filing.acquiredOn());
        if (!needs.isEmpty()) {
            throw new Unprocessable("A server declared " + status + " needs its date and evidence", needs);
        }
        Server server = new Server();
        server.id = UUID.randomUUID();
        server.firmId = firmId;
        server.status = status;
        server.statusOn = ServerStatus.NEED_EVIDENCE.contains(status) ? filing.statusOn() : null;
        server.createdAt = Instant.now();
        server.correct(filing);
        return server;
    }

    /** The declared details replaced; the status moves only through {@link #moveTo}. */
    void correct(ServerFiling filing) {
        assetTag = filing.assetTag();
        serial = filing.serial();
        hostname = filing.hostname();
        vendor = filing.vendor();
        model = filing.model();
        siteCode = filing.siteCode();
        acquisition = filing.acquisition();
        acquiredOn = filing.acquiredOn();
        role = filing.role();
    }

    /** A firm moves a server only forward (409 otherwise), a regulator any way; never to before its acquisition. */
    void moveTo(ServerStatus next, LocalDate on, boolean correction) {
        if (!correction && !status.canMoveTo(next)) {
            throw new StateConflict("A server in " + status + " cannot become " + next);
        }
        if (on.isBefore(acquiredOn)) {
            throw InvalidInput.field("on", "must not be before the server was acquired (" + acquiredOn + ")");
        }
        status = next;
        statusOn = on;
    }
}
