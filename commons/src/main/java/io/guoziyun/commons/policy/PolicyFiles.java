package io.guoziyun.commons.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a policy data file named in configuration: {@code classpath:policy/x.csv} or a path (a mounted ConfigMap). */
public final class PolicyFiles {

    private PolicyFiles() {}

    public static BufferedReader open(String location) throws IOException {
        InputStream in;
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("not on the class path: " + resource);
            }
        } else {
            in = Files.newInputStream(Path.of(location));
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
