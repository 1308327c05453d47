package io.guoziyun.seeder;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The generated clients of the three services, pointed at the gateway with one caller's token. A 429, or a 503 that
 * says when to come back (a dependency busy: nothing was changed), is waited out (Retry-After) and tried again, as a
 * well-behaved firm's script would; every creation carries an Idempotency-Key, so a retry never files twice.
 */
final class Gateway {

    private final String url;
    private final OkHttpClient http;

    Gateway(String url) {
        this.url = url;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120))
                .addInterceptor(Gateway::patient)
                .build();
    }

    io.guoziyun.client.contracts.ApiClient contracts(String token) {
        var client = new io.guoziyun.client.contracts.ApiClient(http);
        client.setBasePath(url);
        client.setBearerToken(token);
        return client;
    }

    io.guoziyun.client.inventory.ApiClient inventory(String token) {
        var client = new io.guoziyun.client.inventory.ApiClient(http);
        client.setBasePath(url);
        client.setBearerToken(token);
        return client;
    }

    io.guoziyun.client.listing.ApiClient listing(String token) {
        var client = new io.guoziyun.client.listing.ApiClient(http);
        client.setBasePath(url);
        client.setBearerToken(token);
        return client;
    }

    private static Response patient(Interceptor.Chain chain) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Response response = chain.proceed(chain.request());
            boolean later =
                    response.code() == 429 || (response.code() == 503 && response.header("Retry-After") != null);
            if (!later || attempt >= 10) {
                return response;
            }
            long wait = Long.parseLong(response.header("Retry-After", "1"));
            response.close();
            try {
                Thread.sleep(1000L * Math.max(1, wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting out a " + response.code(), e);
            }
        }
    }
}
