package org.clinicops.auth.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured demo users, looked up by username. */
public final class DemoUsers {

    private final Map<String, DemoUser> byUsername = new LinkedHashMap<>();

    DemoUsers(List<DemoUser> users) {
        for (DemoUser user : users) {
            if (byUsername.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("demo user " + user.username() + " is configured twice");
            }
        }
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public List<DemoUser> all() {
        return List.copyOf(byUsername.values());
    }
}
