package org.rapport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.notifications.NotificationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.JsonNode;

/** IMAP mailboxes synced from GreenMail: logged once, threaded, attachments, status and errors, who sees what. */
@IntegrationTest
class InboundEmailTest {

    static final String BOX = "sales@acme.example";
    static final String LOGIN = "sales";
    static final String PASSWORD = "imap-Secret-7";
    static final List<UnknownSenderEmailReceived> unknownSenders = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
                    ServerSetupTest.IMAP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(BOX, LOGIN, PASSWORD))
            .withPerMethodLifecycle(true);

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MailboxService mailboxes;
    @Autowired MailboxSync mailboxSync;
    @Autowired SmtpSettingsService smtp;
    @Autowired NotificationService notifications;

    CurrentUser rep;
    String token;
    String contact;
    String peter;
    UUID mailbox;

    @BeforeAll
    static void listenForUnknownSenders(@Autowired ConfigurableApplicationContext context) {
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof UnknownSenderEmailReceived unknown) {
                unknownSenders.add(unknown);
            }
        });
    }

    @AfterAll
    static void switchTheMailboxesOff(@Autowired JdbcClient jdbc) {
        jdbc.sql("update email_mailboxes set enabled = false").update();
    }

    @BeforeEach
    void aContactAndTheRepsMailbox() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Inbox"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        peter = "peter-" + UUID.randomUUID().toString().substring(0, 8) + "@initrode.example";
        contact = api.read(api.post(token, "/api/v1/contacts", """
                {"firstName": "Peter", "lastName": "Gibbons", "emails": [{"address": "%s"}]}
                """.formatted(peter))).get("id").asString();
        mailbox = mailboxes.create(rep, form("My mail", PASSWORD));
    }

    MailboxService.Form form(String name, String password) {
        return new MailboxService.Form(name, "127.0.0.1", greenMail.getImap().getPort(), false, LOGIN, password,
                "INBOX", true, false, 0);
    }

    @Test
    void aDeliveredMailAppearsOnceOnTheContactsTimelineAlsoAfterASecondSync() throws Exception {
        deliver(mail("<first-" + UUID.randomUUID() + "@initrode.example>", null, peter, BOX, "TPS reports",
                "Did you get the memo?"));
        sync(mailbox);
        sync(mailbox);
        JsonNode items = timeline();
        assertThat(items).hasSize(1);
        JsonNode logged = items.get(0);
        assertThat(logged.get("type").asString()).isEqualTo("EMAIL");
        assertThat(logged.get("direction").asString()).isEqualTo("INBOUND");
        assertThat(logged.get("source").asString()).isEqualTo("IMAP");
        assertThat(logged.get("subject").asString()).isEqualTo("TPS reports");
        assertThat(logged.get("body").asString()).contains("Did you get the memo?");
        assertThat(logged.get("fromAddress").asString()).isEqualTo(peter);
        assertThat(logged.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(logged.get("userIds").toString()).doesNotContain(rep.id().toString());

        Mailbox status = mailboxes.get(rep, mailbox);
        assertThat(status.status()).isEqualTo(MailboxStatus.OK);
        assertThat(status.lastSuccessAt()).isNotNull();
        assertThat(status.messagesSeen()).isEqualTo(1);
        assertThat(status.messagesLogged()).isEqualTo(1);

        jdbc.sql("update email_mailboxes set last_uid = 0, uid_validity = null where id = :id").param("id", mailbox)
                .update();
        sync(mailbox);
        assertThat(timeline()).hasSize(1);
    }

    @Test
    void repliesThreadWithTheMailTheyAnswerByInReplyToOrReferences() throws Exception {
        String first = "<first-" + UUID.randomUUID() + "@initrode.example>";
        deliver(mail(first, null, peter, BOX, "Quote", "Can you send a quote?"));
        sync(mailbox);
        String second = "<second-" + UUID.randomUUID() + "@acme.example>";
        MimeMessage reply = mail(second, first, rep.email(), peter, "Re: Quote", "Here it is.");
        deliver(reply);
        MimeMessage onlyReferences = mail("<third-" + UUID.randomUUID() + "@initrode.example>", null, peter, BOX,
                "Re: Re: Quote", "Thanks");
        onlyReferences.setHeader("References", "<unknown@elsewhere.example> " + first + " " + second);
        deliver(onlyReferences);
        deliver(mail("<other-" + UUID.randomUUID() + "@initrode.example>", null, peter, BOX, "Other topic", "Hi"));
        sync(mailbox);

        JsonNode items = timeline();
        assertThat(items).hasSize(4);
        String thread = byMessage(items, first).get("threadId").asString();
        assertThat(byMessage(items, second).get("threadId").asString()).isEqualTo(thread);
        assertThat(byMessage(items, second).get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(byMessage(items, second).get("inReplyTo").asString()).isEqualTo(first);
        assertThat(items.valueStream().filter(i -> i.get("subject").asString().equals("Re: Re: Quote")).findFirst()
                .orElseThrow().get("threadId").asString()).isEqualTo(thread);
        assertThat(items.valueStream().filter(i -> i.get("subject").asString().equals("Other topic")).findFirst()
                .orElseThrow().get("threadId").asString()).isNotEqualTo(thread);
    }

    @Test
    void aReplyToAMailSentFromRapportThreadsWithItAndTheSentCopyIsNotLoggedTwice() throws Exception {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        smtp.save(admin, new SmtpSettingsService.Form("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSecurity.NONE,
                null, null, false, "crm@acme.example", "Acme", true, smtp.current().version()));
        try {
            JsonNode sent = api.read(api.post(token, "/api/v1/contacts/" + contact + "/emails",
                    "{\"subject\": \"Offer\", \"body\": \"Our offer\"}"));
            String messageId = sent.get("messageId").asString();
            MimeMessage copy = mail(messageId, null, "crm@acme.example", peter, "Offer", "Our offer");
            deliver(copy);
            deliver(mail("<answer-" + UUID.randomUUID() + "@initrode.example>", messageId, peter, BOX, "Re: Offer",
                    "Deal!"));
            sync(mailbox);
            JsonNode items = timeline();
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("threadId").asString()).isEqualTo(sent.get("threadId").asString());
            assertThat(items.get(1).get("threadId").asString()).isEqualTo(sent.get("threadId").asString());
        } finally {
            smtp.save(admin, new SmtpSettingsService.Form("127.0.0.1", 25, SmtpSecurity.NONE, null, null, false,
                    "crm@acme.example", "Acme", false, smtp.current().version()));
        }
    }

    @Test
    void unknownSendersAreLoggedUnlinkedAndAnnouncedButColleaguesAndMachinesAreNot() throws Exception {
        String stranger = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@prospect.example";
        MimeMessage fromStranger = mail("<s-" + UUID.randomUUID() + "@prospect.example>", null, stranger, BOX,
                "Pricing?", "What does it cost?");
        fromStranger.setFrom(new InternetAddress(stranger, "Lena Lead"));
        deliver(fromStranger);
        deliver(mail("<c-" + UUID.randomUUID() + "@acme.example>", null, rep.email(), BOX, "Lunch?", "12:30?"));
        MimeMessage bounce = mail("<b-" + UUID.randomUUID() + "@prospect.example>", null,
                "mailer-daemon@prospect.example", BOX, "Undeliverable", "Bounced");
        bounce.setHeader("Auto-Submitted", "auto-replied");
        deliver(bounce);
        sync(mailbox);

        Mailbox status = mailboxes.get(rep, mailbox);
        assertThat(status.messagesSeen()).isEqualTo(3);
        assertThat(status.messagesLogged()).isEqualTo(1);
        assertThat(status.messagesUnmatched()).isEqualTo(1);
        UnknownSenderEmailReceived event = unknownSenders.stream().filter(e -> e.address().equals(stranger))
                .findFirst().orElseThrow();
        assertThat(event.name()).isEqualTo("Lena Lead");
        JsonNode logged = api.read(api.get(token, "/api/v1/interactions/" + event.interactionId()));
        assertThat(logged.get("contactIds")).isEmpty();
        assertThat(logged.get("subject").asString()).isEqualTo("Pricing?");
    }

    @Test
    void attachmentsAreKeptWhenTheirTypeIsAllowed() throws Exception {
        MimeMessage m = mail("<a-" + UUID.randomUUID() + "@initrode.example>", null, peter, BOX, "Contract", null);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Signed contract attached.");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 signed".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName("contract.pdf");
        pdf.setDisposition("attachment");
        MimeBodyPart exe = new MimeBodyPart();
        exe.setContent(new byte[] {'M', 'Z', 0, 1}, "application/octet-stream");
        exe.setFileName("setup.exe");
        exe.setDisposition("attachment");
        m.setContent(new MimeMultipart(text, pdf, exe));
        m.saveChanges();
        m.setHeader("Message-ID", "<a-" + UUID.randomUUID() + "@initrode.example>");
        deliver(m);
        sync(mailbox);
        JsonNode logged = timeline().get(0);
        assertThat(logged.get("body").asString()).contains("Signed contract attached.");
        assertThat(logged.get("attachments")).singleElement()
                .satisfies(a -> assertThat(a.get("fileName").asString()).isEqualTo("contract.pdf"));
        assertThat(mailboxes.get(rep, mailbox).attachmentsSkipped()).isEqualTo(1);
    }

    @Test
    void aBrokenPasswordShowsItsErrorOnTheMailboxPageAndInTheStatusApiAndNotifiesTheOwner() {
        UUID broken = mailboxes.create(rep, form("Broken", "wrong-password"));
        sync(broken);
        assertThat(mvc.get().uri("/mailboxes/" + broken).with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                .contains("Failing").contains("Authentication failed").contains("Last successful sync")
                .doesNotContain("wrong-password");
        JsonNode status = api.read(api.get(token, "/api/v1/mailboxes/" + broken));
        assertThat(status.get("status").asString()).isEqualTo("ERROR");
        assertThat(status.get("lastError").asString()).startsWith("Authentication failed");
        assertThat(status.get("lastSuccessAt").isNull()).isTrue();
        assertThat(status.has("passwordSecret")).isFalse();
        assertThat(ApiClient.text(api.get(token, "/api/v1/mailboxes"))).contains("Authentication failed");
        assertThat(notifications.recent(rep, true, 5)).anySatisfy(n ->
                assertThat(n.link()).isEqualTo("/mailboxes/" + broken));
        sync(broken);
        assertThat(notifications.recent(rep, true, 5).stream()
                .filter(n -> ("/mailboxes/" + broken).equals(n.link()))).hasSize(1);
    }

    @Test
    void aUserNeitherSeesNorSyncsAnotherUsersMailboxAndOnlyAdminsAddSharedInboxes() {
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        String colleagueToken = api.token(colleague.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/mailboxes/" + mailbox).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/mailboxes/" + mailbox + "/status").with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/mailboxes/" + mailbox + "/sync").with(csrf()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/mailboxes/" + mailbox + "/delete").with(csrf()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(colleagueToken, "/api/v1/mailboxes/" + mailbox)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.post(colleagueToken, "/api/v1/mailboxes/" + mailbox + "/sync", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.text(api.get(colleagueToken, "/api/v1/mailboxes"))).doesNotContain(mailbox.toString());
        assertThat(mvc.get().uri("/mailboxes").with(TestUsers.signedIn(colleague))).hasStatusOk().bodyText()
                .doesNotContain(mailbox.toString());

        assertThat(mvc.post().uri("/mailboxes").with(csrf()).with(TestUsers.signedIn(colleague))
                .param("name", "Support").param("host", "127.0.0.1").param("port", "993").param("username", "x")
                .param("password", "y").param("shared", "true")).hasStatus(HttpStatus.FORBIDDEN);
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.get().uri("/mailboxes/" + mailbox).with(TestUsers.signedIn(admin))).hasStatusOk();
        assertThat(mvc.post().uri("/mailboxes").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", "Support").param("host", "127.0.0.1").param("port", "1").param("username", "x")
                .param("password", "y").param("folder", "INBOX").param("shared", "true"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select count(*) from email_mailboxes where name = 'Support' and owner_id is null")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void theSyncNowButtonQueuesASyncAndTheStatusCardPollsUntilItIsDone() {
        var response = mvc.post().uri("/mailboxes/" + mailbox + "/sync").with(csrf()).with(TestUsers.signedIn(rep))
                .header("HX-Request", "true").exchange();
        assertThat(response).hasStatusOk();
        assertThat(response).hasHeader("HX-Trigger", "{\"toast\": \"Sync started.\"}");
        sync(mailbox);
        assertThat(mvc.get().uri("/mailboxes/" + mailbox + "/status").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains("id=\"mailbox-status\"").doesNotContain("every 2s");
    }

    private JsonNode timeline() {
        return api.read(api.get(token, "/api/v1/interactions?recordType=contact&recordId=" + contact)).get("items");
    }

    private static JsonNode byMessage(JsonNode items, String messageId) {
        return items.valueStream().filter(i -> messageId.equals(i.get("messageId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no interaction with Message-ID " + messageId));
    }

    /** Syncs, waiting while a background sync of the same mailbox holds its lease. */
    private void sync(UUID id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!mailboxSync.sync(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mailbox " + id + " stayed busy");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void deliver(MimeMessage message) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(BOX);
        user.deliver(message);
    }

    static MimeMessage mail(String messageId, String inReplyTo, String from, String to, String subject, String text)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject);
        m.setSentDate(new Date());
        if (text != null) {
            m.setText(text);
        }
        m.saveChanges();
        m.setHeader("Message-ID", messageId);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        return m;
    }
}
