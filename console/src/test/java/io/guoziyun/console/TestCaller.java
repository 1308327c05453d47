package io.guoziyun.console;

import io.guoziyun.console.api.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;

/** The signed-in user of @TestSecurity, with a token of its own name (the stand-in gateway records it). */
@Alternative
@Priority(1)
@RequestScoped
public class TestCaller extends Caller {

    @Override
    public String token() {
        return "token-of-" + name();
    }
}
