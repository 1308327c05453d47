package io.guoziyun.gateway.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the identity of a bearer token quarkus-oidc has fully verified (signature, issuer, audience, expiry), so
 * the same token is not verified again on every request: a client sends its token many times. An entry lives until
 * the token expires, and a minute at most, so a newly rotated signing key or realm change is felt within a minute;
 * the services still verify every request themselves. Bounded: when full, it starts again empty.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    static final int MAX_ENTRIES = 50_000;
    static final long MAX_AGE_MILLIS = 60_000;

    private record Entry(SecurityIdentity identity, long until) {}

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's own provider (higher runs first): a token verified lately is answered from here. */
    @Override
    public int priority() {
        return 2000; // above the default (1001) that quarkus-oidc's provider keeps
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Entry entry = verified.get(request.getToken().getToken());
        if (entry == null || entry.until() <= System.currentTimeMillis()) {
            return Uni.createFrom().nullItem();
        }
        hits.incrementAndGet();
        return Uni.createFrom().item(entry.identity());
    }

    /** Runs after a provider made an identity: keep it when it came from a verified bearer token. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential != null
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && !verified.containsKey(credential.getToken())) {
            long until = Math.min(jwt.getExpirationTime() * 1000, System.currentTimeMillis() + MAX_AGE_MILLIS);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(credential.getToken(), new Entry(identity, until));
        }
        return Uni.createFrom().item(identity);
    }

    /** Requests answered from memory, for tests and metrics. */
    public long hits() {
        return hits.get();
    }
}
