package org.rapport.identity;

import java.util.Comparator;
import java.util.List;

import org.rapport.platform.RapportProperties;
import org.rapport.shared.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: creates the first administrator ({@code RAPPORT_ADMIN_EMAIL}/{@code RAPPORT_ADMIN_PASSWORD},
 * or {@code admin@rapport.local} with a random password), loads demo data when it is on, and prints the login once.
 * An advisory lock makes two nodes starting together do this once.
 */
@Component
class FirstRun implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);
    private static final long LOCK_KEY = 0x5241505054L;

    private final RapportProperties properties;
    private final UserRepository users;
    private final UserService userService;
    private final List<DemoDataContributor> demoData;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IdentityDemoData identityDemoData;

    FirstRun(RapportProperties properties, UserRepository users, UserService userService,
             List<DemoDataContributor> demoData, JdbcClient jdbc, TransactionTemplate tx,
             IdentityDemoData identityDemoData) {
        this.identityDemoData = identityDemoData;
        this.properties = properties;
        this.users = users;
        this.userService = userService;
        this.demoData = demoData;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String banner = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
            if (users.count() > 0) {
                return null;
            }
            String email = properties.admin().emailOrDefault();
            String given = properties.admin().password();
            String password = given == null || given.isBlank() ? UserService.randomPassword() : given;
            userService.createFirstAdmin(email, "Administrator", password);
            StringBuilder text = new StringBuilder()
                    .append("\n================================================================\n")
                    .append(" Rapport: first start on an empty database\n")
                    .append(" Admin login: ").append(email).append(" / ")
                    .append(given == null || given.isBlank() ? password : "(the password in RAPPORT_ADMIN_PASSWORD)")
                    .append('\n');
            if (properties.loadDemoData()) {
                demoData.stream().sorted(Comparator.comparingInt(DemoDataContributor::order))
                        .forEach(DemoDataContributor::load);
                text.append(" Demo data loaded. ").append(identityDemoData.describe()).append('\n');
            }
            return text.append(" This is shown once; change the password under your user menu.\n")
                    .append("================================================================").toString();
        });
        if (banner != null) {
            log.warn(banner);
        }
    }
}
