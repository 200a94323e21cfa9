package org.rapport.sales;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rapport.customers.ContactLookup;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.rapport.webforms.WebFormLeads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the submissions of web forms that create leads: a known contact is left to the form (empty), an open lead
 * with the submitter's email (else phone) gets what it lacks, and anyone else becomes a lead with source web form
 * through {@link LeadService#capture}, so that the duplicate and assignment rules and scoring apply.
 */
@Component
class WebFormLeadIntake implements WebFormLeads {

    private final LeadService leads;
    private final LeadRepository repository;
    private final ContactLookup contacts;
    private final UserService users;

    WebFormLeadIntake(LeadService leads, LeadRepository repository, ContactLookup contacts, UserService users) {
        this.leads = leads;
        this.repository = repository;
        this.contacts = contacts;
        this.users = users;
    }

    @Override
    @Transactional
    public Optional<RecordRef> take(Submission s) {
        String[] names = names(s);
        LeadFields given = leads.cleaned(new LeadFields(names[0], names[1], s.email(), s.phone(), s.company(),
                s.title(), null, LeadSource.WEB_FORM, null, LeadStatus.NEW, null, null, department(s)));
        if (given.email() == null) {
            throw new InvalidFieldException("email", "Enter your email address");
        }
        if (!contacts.byEmail(List.of(given.email())).isEmpty()) {
            return Optional.empty();
        }
        repository.lockIdentity(given.email(), given.phone());
        Optional<UUID> known = repository.duplicates(given.email(), null, null).stream().findFirst();
        if (known.isEmpty()) {
            Optional<LeadView> created = leads.capture(given, s.formOwnerId());
            if (created.isPresent()) {
                return Optional.of(LeadService.ref(created.get().id()));
            }
            known = repository.duplicates(null, given.phone(), null).stream().findFirst();
        }
        known.ifPresent(id -> leads.complete(id, given));
        return known.map(LeadService::ref);
    }

    /** First and last name as given; a first name alone is the last name; no name: the email before its {@code @}. */
    private static String[] names(Submission s) {
        if (!blank(s.lastName())) {
            return new String[] {s.firstName(), s.lastName()};
        }
        if (!blank(s.firstName())) {
            if (s.firstName().strip().length() > 100) {
                throw new InvalidFieldException("firstName", "Use at most 100 characters");
            }
            return new String[] {null, s.firstName()};
        }
        String email = blank(s.email()) ? "" : s.email().strip();
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        return new String[] {null, local.substring(0, Math.min(100, local.length()))};
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private UUID department(Submission s) {
        return s.departmentId() != null ? s.departmentId()
                : users.find(s.formOwnerId()).map(UserView::departmentId).orElse(null);
    }
}
