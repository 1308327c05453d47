package io.guoziyun.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.guoziyun.gateway.route.RouteTable;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the identity of a bearer token quarkus-oidc has fully verified (signature, issuer, audience, expiry), so
 * the same token is not verified again on every request: a client sends its token many times. An entry lives until
 * the token expires, and a minute at most, so a newly rotated signing key or realm change is felt within a minute;
 * the services still verify every request themselves.
 *
 * <p>Bounded by memory, not by count (issue 18): a Caffeine cache weighed in bytes ({@code
 * gateway.token-cache.max-bytes}), evicting on expiry and by weight. It keeps a slim identity — principal, roles,
 * the rate-limit key — and nothing of the request that first brought the token (quarkus-oidc's identity carries the
 * request's routing context, ~20 KB of headers and state).
 *
 * <p>It is an authentication mechanism placed before quarkus-oidc's: a remembered token is answered here, before
 * quarkus-oidc decodes it at all; any other request gets no answer here and goes on to quarkus-oidc, whose verified
 * identity this class then remembers as an augmentor.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    static final long MAX_AGE_MILLIS = 60_000;
    /** What an entry costs beyond its token: the key, the parsed claims, the identity and the cache's own node. */
    static final int ENTRY_OVERHEAD_BYTES = 2_048;

    private static final String BEARER = "Bearer ";
    static final String FIRM = "firm";

    /** Identity attribute: whom rate limits count this token against (see {@link #client}). */
    static final String CLIENT = "gateway.client";
    /** A token's last characters (of its signature) key it: cheaper to hash than the whole token, compared whole. */
    private static final int KEY_LENGTH = 43;

    private record Entry(String token, SecurityIdentity identity, long until) {}

    private final Cache<String, Entry> verified;
    private final AtomicLong hits = new AtomicLong();

    @Inject
    public VerifiedTokens(RouteTable table) {
        this(table.tokenCache().maxBytes());
    }

    VerifiedTokens(long max) {
        this.verified = Caffeine.newBuilder()
                .maximumWeight(max)
                .weigher((String key, Entry entry) -> weight(entry.token()))
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        long left = entry.until() - System.currentTimeMillis();
                        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, Math.min(left, MAX_AGE_MILLIS)));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    /** The bytes an entry is counted as: the token twice (kept and parsed) as UTF-16, and the rest. */
    static int weight(String token) {
        return ENTRY_OVERHEAD_BYTES + token.length() * 4;
    }

    /** Before quarkus-oidc's mechanism (higher runs first). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity identity = recall(authorization.substring(BEARER.length()), System.currentTimeMillis());
        return identity == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(identity);
    }

    /** The identity of a token verified lately, or null; a stale entry is dropped, so the next check refreshes it. */
    SecurityIdentity recall(String token, long now) {
        String key = key(token);
        Entry entry = verified.getIfPresent(key);
        if (entry == null || !entry.token().equals(token)) {
            return null;
        }
        if (entry.until() <= now) {
            verified.asMap().remove(key, entry);
            return null;
        }
        hits.incrementAndGet();
        return entry.identity();
    }

    /** Remembers a verified token's identity until the token expires, and for a minute at most. */
    void remember(String token, SecurityIdentity identity, long expiresAtMillis, long now) {
        verified.put(key(token), new Entry(token, identity, Math.min(expiresAtMillis, now + MAX_AGE_MILLIS)));
    }

    /** The bytes the cache holds by its own count, after pending evictions; for tests and metrics. */
    public long weighedBytes() {
        verified.cleanUp();
        return verified.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public long maxBytes() {
        return verified.policy().eviction().orElseThrow().getMaximum();
    }

    private static String key(String token) {
        return token.length() <= KEY_LENGTH ? token : token.substring(token.length() - KEY_LENGTH);
    }

    /**
     * The client a rate limit counts a request against: the firm for firm tokens (its machines share its limit),
     * else the person or machine by the token's {@code sub} — never the OAuth client a person logged in through,
     * which every regulator and auditor shares. Worked out once per verified token and kept with its identity.
     */
    public static String client(SecurityIdentity identity) {
        String client = identity.getAttribute(CLIENT);
        return client != null ? client : clientOf(identity);
    }

    private static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String[] claims = identity.hasRole(FIRM) ? new String[] {"firm_id", "sub"} : new String[] {"sub"};
            for (String claim : claims) {
                // Not jwt.getClaim: for a custom claim it builds an exception on every request.
                Object value = jwt instanceof OidcJwtCallerPrincipal oidc
                        ? oidc.getClaims().getClaimValue(claim)
                        : jwt.getClaim(claim);
                if (value != null) {
                    return claim + ":" + value.toString().replace("\"", "");
                }
            }
        }
        return "anonymous";
    }

    /** No challenge of its own: quarkus-oidc's bearer challenge stands. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Runs after quarkus-oidc verified a token and made its identity: remember a slim copy of it. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            // Only a token that was not answered from memory reaches here: quarkus-oidc has just verified it.
            SecurityIdentity kept = QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addRoles(identity.getRoles())
                    .addCredential(credential)
                    .addAttribute(CLIENT, clientOf(identity))
                    .build();
            remember(credential.getToken(), kept, jwt.getExpirationTime() * 1000, System.currentTimeMillis());
            return Uni.createFrom().item(kept);
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * A token with a firm role and a regulator or auditor role: refused (403) at the gateway as in every service,
     * since one identity that files for a firm and reviews or reads all firms would undo tenancy and four eyes.
     */
    public static boolean mixedRoles(SecurityIdentity identity) {
        Set<String> roles = identity.getRoles();
        return roles.contains(FIRM) && (roles.contains("regulator") || roles.contains("auditor"));
    }

    /** Requests answered from memory, for tests and metrics. */
    public long hits() {
        return hits.get();
    }
}
