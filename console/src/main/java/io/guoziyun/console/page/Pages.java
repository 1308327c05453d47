package io.guoziyun.console.page;

import io.guoziyun.console.api.Answer;
import io.guoziyun.console.api.Caller;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What every page shares: the signed-in user, the as-of date, the page's name for the navigation. */
final class Pages {

    private Pages() {}

    static TemplateInstance page(Template template, String page, AsOf asOf, Caller caller) {
        return template.data("page", page)
                .data("asOf", asOf.toString())
                .data("asOfRefused", asOf.refused())
                .data("user", caller.name())
                .data("regulator", caller.regulator());
    }

    /** The answers of calls started side by side. */
    static Answer join(CompletableFuture<Answer> call) {
        return call.join();
    }

    /** The sentences of the answers that did not succeed, for the page's notices. */
    static List<String> problems(Answer... answers) {
        List<String> messages = new ArrayList<>();
        for (Answer answer : answers) {
            if (!answer.ok() && !messages.contains(answer.message())) {
                messages.add(answer.message());
            }
        }
        return messages;
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
