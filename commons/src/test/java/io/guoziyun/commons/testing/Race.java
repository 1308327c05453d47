package io.guoziyun.commons.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same call on several threads released at the same instant, and gives back every answer. */
public final class Race {

    private Race() {}

    public static <T> List<T> of(int racers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends the same correction with the record's current ETag from eight threads at once, and checks that
     * exactly one wins and the other seven are told 412, not a 409 or a 5xx.
     */
    public static void correctEightTimesAtOnce(String token, String path, String body) throws Exception {
        String etag =
                given().auth().oauth2(token).when().get(path).then().extract().header("ETag");
        List<Integer> statuses = Race.of(
                8,
                () -> given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag)
                        .body(body)
                        .when()
                        .put(path)
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    }
}
