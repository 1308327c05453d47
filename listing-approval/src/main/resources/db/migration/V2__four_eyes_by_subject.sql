-- Four eyes compares people by the token's sub (Keycloak never reuses one), not by a username that can be renamed
-- or given to someone else. Proposals made before this migration have no sub; the service then falls back to the
-- name for them (ListingReview.requireSecondRegulator).
ALTER TABLE listing_application ADD COLUMN proposed_by_sub varchar(255);
ALTER TABLE listing_application ADD COLUMN confirmed_by_sub varchar(255);
-- "Review not required" is now a proposal too, confirmed by a second regulator.
ALTER TABLE listing_application ALTER COLUMN proposed_outcome TYPE varchar(24);
-- Why a determination departs from the suite's own assessment, when it does.
ALTER TABLE listing_application ADD COLUMN departure_reason text;
