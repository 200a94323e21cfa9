package org.rapport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.notifications.OutboundMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** Mail sent from Rapport through the shared SMTP sender (GreenMail): headers, timeline, refusals, admin page. */
@IntegrationTest
class OutboundEmailTest {

    static final String SMTP_USER = "rapport-smtp";
    static final String SMTP_PASSWORD = "smtp-Secret-42";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("crm@acme.example", SMTP_USER, SMTP_PASSWORD))
            .withPerMethodLifecycle(true);

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SmtpSettingsService settings;
    @Autowired EmailTemplateService templates;
    @Autowired OutboundMail outboundMail;

    CurrentUser admin;
    CurrentUser rep;
    String token;
    String account;
    String contact;

    @BeforeEach
    void aSenderAndAContact() {
        admin = testUsers.create(Role.ADMIN, null);
        configureSmtp(settings, admin, greenMail.getSmtp().getPort(), true);
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Mail"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        account = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Initrode $1 \\\\ Co\"}")).get("id").asString();
        contact = api.read(api.post(token, "/api/v1/contacts", """
                {"firstName": "Peter", "lastName": "Gibbons", "accountIds": ["%s"],
                 "emails": [{"address": "peter@initrode.example"}, {"address": "pg@home.example"}]}
                """.formatted(account))).get("id").asString();
    }

    @AfterAll
    static void switchTheSenderOff(@Autowired SmtpSettingsService settings, @Autowired TestUsers testUsers) {
        configureSmtp(settings, testUsers.create(Role.ADMIN, null), 25, false);
    }

    static void configureSmtp(SmtpSettingsService settings, CurrentUser admin, int port, boolean enabled) {
        settings.save(admin, new SmtpSettingsService.Form("127.0.0.1", port, SmtpSecurity.NONE, SMTP_USER,
                SMTP_PASSWORD, false, "crm@acme.example", "Acme Sales", enabled, settings.current().version()));
    }

    @Test
    void aMailSentFromATemplateArrivesWithItsHeadersAndIsOnTheContactsTimeline() throws Exception {
        UUID template = templates.create(admin, "Follow-up " + UUID.randomUUID(), "Hello {{contact.firstName}}",
                "Dear {{contact.firstName}} {{contact.lastName}} of {{account.name}},\nthanks.\n{{user.name}}\n"
                        + "{{contact.shoeSize}}");
        var response = api.post(token, "/api/v1/contacts/" + contact + "/emails",
                "{\"templateId\": \"%s\"}".formatted(template));
        assertThat(response).hasStatus(HttpStatus.CREATED);
        JsonNode sent = api.read(response);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("crm@acme.example");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Acme Sales");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("peter@initrode.example");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo(rep.email());
        assertThat(received.getSubject()).isEqualTo("Hello Peter");
        assertThat(received.getMessageID()).isEqualTo(sent.get("messageId").asString()).endsWith("@acme.example>");
        String text = ((String) received.getContent()).replace("\r\n", "\n");
        String repName = jdbc.sql("select name from users where id = :id").param("id", rep.id()).query(String.class)
                .single();
        assertThat(text).isEqualTo("Dear Peter Gibbons of Initrode $1 \\ Co,\nthanks.\n" + repName
                + "\n{{contact.shoeSize}}");

        JsonNode timeline = api.read(api.get(token, "/api/v1/interactions?recordType=contact&recordId=" + contact));
        assertThat(timeline.get("items")).hasSize(1);
        JsonNode logged = timeline.get("items").get(0);
        assertThat(logged.get("type").asString()).isEqualTo("EMAIL");
        assertThat(logged.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(logged.get("source").asString()).isEqualTo("SMTP");
        assertThat(logged.get("subject").asString()).isEqualTo("Hello Peter");
        assertThat(logged.get("toAddress").asString()).isEqualTo("peter@initrode.example");
        assertThat(logged.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(logged.get("threadId").isNull()).isFalse();
    }

    @Test
    void theComposePageSendsToTheChosenAddressAndPreviewsTheFilledFields() throws Exception {
        UUID template = templates.create(admin, "Intro " + UUID.randomUUID(), "Meet {{user.name}}", "Hello!");
        assertThat(mvc.get().uri("/contacts/" + contact + "/email?templateId=" + template).with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("id=\"compose-form\"").contains("value=\"Meet {{user.name}}\"")
                .contains("pg@home.example").contains("Hello!");
        assertThat(mvc.get().uri("/contacts/" + contact).with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                .contains("/contacts/" + contact + "/email");
        var preview = mvc.post().uri("/contacts/" + contact + "/email/preview").with(csrf())
                .with(TestUsers.signedIn(rep)).header("HX-Request", "true")
                .param("to", "pg@home.example").param("subject", "Hi {{contact.firstName}}")
                .param("body", "<b>{{account.name}}</b> {{nope}}").exchange();
        assertThat(preview).hasStatusOk();
        assertThat(preview).bodyText().contains("Hi Peter").contains("&lt;b&gt;Initrode $1 \\ Co&lt;/b&gt;")
                .contains("Unknown merge fields, sent as typed: nope").doesNotContain("<html");
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        var send = mvc.post().uri("/contacts/" + contact + "/email").with(csrf()).with(TestUsers.signedIn(rep))
                .param("to", "pg@home.example").param("subject", "Hi {{contact.firstName}}").param("body", "See you")
                .exchange();
        assertThat(send).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/contacts/" + contact);
        assertThat(greenMail.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("pg@home.example"));
    }

    @Test
    void doNotEmailContactsAndContactsWithoutAddressAreRefusedWithAClearMessage() {
        api.patch(token, "/api/v1/contacts/" + contact, "\"0\"", "{\"consent\": {\"doNotEmail\": true}}");
        var refused = api.post(token, "/api/v1/contacts/" + contact + "/emails", "{\"subject\": \"x\", \"body\": \"y\"}");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(ApiClient.text(refused)).contains("asked not to be emailed");
        assertThat(mvc.get().uri("/contacts/" + contact + "/email").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains("asked not to be emailed").doesNotContain("id=\"compose-form\"");

        String noAddress = api.read(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Milton\"}"))
                .get("id").asString();
        assertThat(ApiClient.text(api.post(token, "/api/v1/contacts/" + noAddress + "/emails",
                "{\"subject\": \"x\", \"body\": \"y\"}"))).contains("has no email address");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(count()).isZero();
    }

    @Test
    void composingToAnInvisibleContactIsNotFound() {
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String strangerToken = api.token(stranger.email(), TestUsers.PASSWORD);
        assertThat(api.post(strangerToken, "/api/v1/contacts/" + contact + "/emails",
                "{\"subject\": \"x\", \"body\": \"y\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/contacts/" + contact + "/email").with(TestUsers.signedIn(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/contacts/" + contact + "/email").with(csrf()).with(TestUsers.signedIn(stranger))
                .param("subject", "x").param("body", "y")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusingServerLogsNothingAndSaysWhy() {
        settings.save(admin, new SmtpSettingsService.Form("127.0.0.1", greenMail.getSmtp().getPort(),
                SmtpSecurity.NONE, SMTP_USER, "wrong-password", false, "crm@acme.example", "Acme Sales", true,
                settings.current().version()));
        var response = api.post(token, "/api/v1/contacts/" + contact + "/emails", "{\"subject\": \"x\", \"body\": \"y\"}");
        assertThat(response).hasStatus(HttpStatus.BAD_GATEWAY);
        assertThat(ApiClient.text(response)).contains("Authentication failed");
        assertThat(count()).isZero();
    }

    @Test
    void onlyAdminsOpenTheSenderSettingsAndThePasswordIsNeverShownNorStoredInClear() {
        assertThat(mvc.get().uri("/admin/email").with(TestUsers.signedIn(rep))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/email").with(csrf()).with(TestUsers.signedIn(rep)).param("host", "evil.example"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/email/templates").with(TestUsers.signedIn(rep))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/email").with(TestUsers.signedIn(admin))).hasStatusOk().bodyText()
                .contains("A password is set").doesNotContain(SMTP_PASSWORD);
        String stored = jdbc.sql("select password_secret from email_smtp_settings").query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void theAdminSendsATestMailAndSavesSettingsKeepingThePassword() throws Exception {
        assertThat(mvc.post().uri("/admin/email/test").with(csrf()).with(TestUsers.signedIn(admin))
                .param("testTo", "ops@acme.example")).hasStatus(HttpStatus.FOUND);
        assertThat(greenMail.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Rapport test email"));

        assertThat(mvc.post().uri("/admin/email").with(csrf()).with(TestUsers.signedIn(admin))
                .param("host", "127.0.0.1").param("port", String.valueOf(greenMail.getSmtp().getPort()))
                .param("security", "NONE").param("username", SMTP_USER).param("password", "")
                .param("fromAddress", "crm@acme.example").param("fromName", "Acme Team").param("enabled", "true")
                .param("version", String.valueOf(settings.current().version()))).hasStatus(HttpStatus.FOUND);
        assertThat(settings.current().fromName()).isEqualTo("Acme Team");
        assertThat(settings.connection().password()).isEqualTo(SMTP_PASSWORD);

        assertThat(mvc.post().uri("/admin/email").with(csrf()).with(TestUsers.signedIn(admin))
                .param("host", "not a host").param("port", "70000").param("enabled", "true")
                .param("version", String.valueOf(settings.current().version()))).hasStatusOk().bodyText()
                .contains("is-invalid");
    }

    @Test
    void theAdminManagesTemplatesOnTheirPages() {
        String name = "Welcome " + UUID.randomUUID();
        assertThat(mvc.get().uri("/admin/email/templates/new").with(TestUsers.signedIn(admin))).hasStatusOk()
                .bodyText().contains("{{contact.firstName}}");
        assertThat(mvc.post().uri("/admin/email/templates").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", name).param("subject", "Welcome {{contact.firstName}}").param("body", "Hi"))
                .hasStatus(HttpStatus.FOUND);
        EmailTemplate created = templates.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(mvc.get().uri("/admin/email/templates").with(TestUsers.signedIn(admin))).hasStatusOk().bodyText()
                .contains(name);
        assertThat(mvc.post().uri("/admin/email/templates").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", name).param("subject", "x").param("body", "y")).hasStatusOk().bodyText()
                .contains("Another template has this name");
        assertThat(mvc.post().uri("/admin/email/templates/" + created.id()).with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", name).param("subject", "Welcome!").param("body", "Hello")
                .param("version", String.valueOf(created.version()))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/admin/email/templates/" + created.id()).with(TestUsers.signedIn(admin)))
                .hasStatusOk().bodyText().contains("Welcome!");
        assertThat(mvc.post().uri("/admin/email/templates/" + created.id() + "/delete").with(csrf())
                .with(TestUsers.signedIn(admin))).hasStatus(HttpStatus.FOUND);
        assertThat(templates.list()).noneMatch(t -> t.id().equals(created.id()));
    }

    @Test
    void systemMailGoesThroughTheSharedSenderOnlyWhenItIsOn() throws Exception {
        assertThat(outboundMail.available()).isTrue();
        outboundMail.send("rep@acme.example", "Reminder: call Peter", "Call Peter at 3pm.");
        assertThat(greenMail.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Reminder: call Peter"));
        configureSmtp(settings, admin, greenMail.getSmtp().getPort(), false);
        assertThat(outboundMail.available()).isFalse();
    }

    private int count() {
        return jdbc.sql("select count(*) from interaction_participants where participant_id = cast(:c as uuid)")
                .param("c", contact).query(Integer.class).single();
    }
}
