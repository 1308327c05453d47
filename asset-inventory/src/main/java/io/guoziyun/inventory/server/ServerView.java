package io.guoziyun.inventory.server;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Server")
public record ServerView(
        UUID id,
        String firmId,
        String assetTag,
        String serial,
        String hostname,
        String vendor,
        String model,
        String siteCode,
        Acquisition acquisition,
        LocalDate acquiredOn,
        ServerStatus status,
        LocalDate statusOn,
        String role) {

    static ServerView of(Server s) {
        return new ServerView(
                s.id,
                s.firmId,
                s.assetTag,
                s.serial,
                s.hostname,
                s.vendor,
                s.model,
                s.siteCode,
                s.acquisition,
                s.acquiredOn,
                s.status,
                s.statusOn,
                s.role);
    }
}
