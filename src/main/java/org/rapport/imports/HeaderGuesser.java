package org.rapport.imports;

import static org.rapport.imports.ContactField.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.customers.CustomFieldDefinition;

/**
 * Guesses the contact field of a column from its header, knowing the column names of Rapport's own export and of
 * the contact exports of Salesforce, HubSpot, Pipedrive and Zoho ("Mailing City", "Email - Work", "State/Region").
 * A header no contact field knows goes to the active custom field whose label or key it is. Lead files are read
 * the same way ("Company" is the lead's company, "Lead Source" its source), with a few headers of lead exports and
 * web form tools besides.
 */
final class HeaderGuesser {

    private static final Map<String, ContactField> KNOWN = new HashMap<>();
    private static final Map<String, LeadField> LEAD_KNOWN = new HashMap<>();

    static {
        known(FIRST_NAME, "firstname", "first", "givenname", "forename", "fname", "vorname", "prenom");
        known(LAST_NAME, "lastname", "last", "surname", "familyname", "lname", "nachname", "nom");
        known(FULL_NAME, "name", "fullname", "contactname", "personname", "contact", "person", "displayname");
        known(TITLE, "title", "jobtitle", "position", "jobposition", "designation", "role", "jobrole");
        known(EMAIL, "email", "emailaddress", "email1", "primaryemail", "workemail", "emailwork", "businessemail",
                "mail", "emailaddresswork", "emailprimary");
        known(PERSONAL_EMAIL, "personalemail", "emailhome", "homeemail", "privateemail", "emailpersonal");
        known(OTHER_EMAIL, "otheremail", "otheremails", "emailother", "secondaryemail", "email2", "additionalemail",
                "additionalemailaddresses", "alternateemail", "alternativeemail");
        known(PHONE, "phone", "phonenumber", "telephone", "tel", "businessphone", "workphone", "phonework",
                "officephone", "primaryphone", "directphone", "directline", "phone1", "telephonenumber");
        known(MOBILE_PHONE, "mobile", "mobilephone", "mobilephonenumber", "cell", "cellphone", "mobilenumber",
                "phonemobile", "cellular", "handy");
        known(HOME_PHONE, "homephone", "phonehome", "homephonenumber", "privatephone");
        known(OTHER_PHONE, "otherphone", "otherphones", "phoneother", "phone2", "alternatephone", "secondaryphone",
                "assistantphone", "asstphone");
        known(FAX, "fax", "faxnumber", "businessfax", "phonefax");
        known(ACCOUNT_NAME, "accountname", "account", "company", "companyname", "organization", "organisation",
                "organizationname", "organisationname", "org", "associatedcompany", "employer", "accounts");
        known(LIFECYCLE_STAGE, "lifecyclestage", "lifecycle", "lifecyclestatus");
        known(SOURCE, "source", "leadsource", "contactsource", "originalsource", "origin", "originalsourcetype");
        known(TAGS, "tags", "tag", "labels", "label", "keywords");
        known(STREET, "street", "streetaddress", "address", "address1", "addressline1", "mailingstreet", "street1",
                "addressstreet", "streetaddress1", "mailingaddress");
        known(CITY, "city", "mailingcity", "town", "addresscity", "locality");
        known(REGION, "state", "region", "province", "stateprovince", "stateregion", "mailingstate",
                "mailingstateprovince", "addressstate", "stateorprovince", "county");
        known(POSTAL_CODE, "zip", "zipcode", "postalcode", "postcode", "mailingzip", "mailingzippostalcode",
                "mailingpostalcode", "zippostalcode", "addresspostalcode", "addresszip", "plz");
        known(COUNTRY, "country", "countryregion", "mailingcountry", "addresscountry", "nation", "countrycode");
        known(MARKETING_OPT_IN, "marketingoptin", "optin", "emailoptin", "marketingconsent", "newsletter",
                "marketingemailoptin", "subscribedtonewsletter");
        known(DO_NOT_CALL, "donotcall", "dnc", "nocall", "donotphone");
        known(DO_NOT_EMAIL, "donotemail", "emailoptout", "optout", "unsubscribedfromallemail", "hasoptedoutofemail",
                "unsubscribed", "noemail", "donotmail");
        known(OWNER_EMAIL, "owneremail", "contactowneremail", "recordowneremail", "owneremailaddress",
                "assignedtoemail", "salesrepemail");
        for (String header : List.of("businessname", "business", "firm", "companyorganization")) {
            LEAD_KNOWN.put(header, LeadField.COMPANY);
        }
        for (String header : List.of("howdidyouhearaboutus", "howdidyoufindus", "channel", "leadchannel",
                "referralsource", "sourcechannel", "acquisitionchannel")) {
            LEAD_KNOWN.put(header, LeadField.SOURCE);
        }
    }

    private HeaderGuesser() {
    }

    /** One guess per column (null when unknown); a field that takes one column goes to the first that fits. */
    static List<ImportTarget> guess(List<String> columns, List<CustomFieldDefinition> customFields) {
        List<ImportTarget> guesses = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String column : columns) {
            ImportTarget field = guess(column).<ImportTarget>map(f -> f)
                    .or(() -> custom(column, customFields)).orElse(null);
            if (field != null && !field.repeatable() && !taken.add(field.key())) {
                field = null;
            }
            guesses.add(field);
        }
        return guesses;
    }

    /** One lead field per column (null when unknown); a field goes to the first column that fits. */
    static List<ImportTarget> guessLeads(List<String> columns) {
        List<ImportTarget> guesses = new ArrayList<>();
        Set<LeadField> taken = new HashSet<>();
        for (String column : columns) {
            LeadField field = Optional.ofNullable(LEAD_KNOWN.get(normalize(column)))
                    .or(() -> guess(column).flatMap(LeadField::of)).orElse(null);
            guesses.add(field != null && taken.add(field) ? field : null);
        }
        return guesses;
    }

    /** The active custom field whose label, key or mapping key ({@code custom.<key>}) the header is. */
    static Optional<CustomTarget> custom(String header, List<CustomFieldDefinition> customFields) {
        String key = normalize(header);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return customFields.stream().filter(CustomFieldDefinition::active)
                .filter(d -> key.equals(normalize(d.label())) || key.equals(normalize(d.key()))
                        || key.equals(normalize(CustomTarget.PREFIX + d.key())))
                .findFirst().map(CustomTarget::new);
    }

    static Optional<ContactField> guess(String header) {
        String key = normalize(header);
        ContactField field = KNOWN.get(key);
        for (String prefix : List.of("contact", "person", "primary", "lead", "mailing", "business")) {
            if (field == null && key.startsWith(prefix) && key.length() > prefix.length()) {
                field = KNOWN.get(key.substring(prefix.length()));
            }
        }
        return Optional.ofNullable(field);
    }

    private static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("\\s*\\(\\d+\\)$", "").replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static void known(ContactField field, String... headers) {
        for (String header : headers) {
            KNOWN.put(header, field);
        }
    }
}
