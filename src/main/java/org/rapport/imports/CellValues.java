package org.rapport.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.rapport.customers.LifecycleStage;
import org.rapport.sales.LeadSource;

/**
 * Reads the values people put in spreadsheet cells: yes/no flags, lifecycle stages, lead sources (by name or as other
 * CRMs call them), countries by code or name.
 */
final class CellValues {

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "on", "checked", "t", "ja", "oui", "si");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "unchecked", "f", "nein", "non");
    private static final Map<String, LifecycleStage> STAGES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, LeadSource> SOURCES = new HashMap<>();

    static {
        for (LifecycleStage stage : LifecycleStage.values()) {
            STAGES.put(letters(stage.name()), stage);
        }
        STAGES.put("mql", LifecycleStage.MARKETING_QUALIFIED);
        STAGES.put("marketingqualifiedlead", LifecycleStage.MARKETING_QUALIFIED);
        STAGES.put("sql", LifecycleStage.SALES_QUALIFIED);
        STAGES.put("salesqualifiedlead", LifecycleStage.SALES_QUALIFIED);
        STAGES.put("prospect", LifecycleStage.LEAD);
        STAGES.put("client", LifecycleStage.CUSTOMER);
        STAGES.put("advocate", LifecycleStage.EVANGELIST);
        for (LeadSource source : LeadSource.values()) {
            SOURCES.put(letters(source.name()), source);
        }
        sources(LeadSource.WEB_FORM, "web", "website", "webform", "form", "online", "contactform", "landingpage");
        sources(LeadSource.EMAIL, "mail", "emailinquiry", "inboundemail");
        sources(LeadSource.PHONE, "call", "phoneinquiry", "coldcall", "telephone", "inboundcall");
        sources(LeadSource.IMPORT, "purchasedlist", "list", "spreadsheet");
        sources(LeadSource.REFERRAL, "employeereferral", "externalreferral", "partnerreferral", "partner",
                "wordofmouth", "customerreferral");
        sources(LeadSource.CAMPAIGN, "advertisement", "ad", "ads", "tradeshow", "seminar", "webinar", "event",
                "conference", "emailcampaign", "marketingcampaign", "paidsearch", "socialmedia");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            COUNTRIES.put(code.toLowerCase(Locale.ROOT), code);
            COUNTRIES.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
            COUNTRIES.put(letters(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        Map.of("usa", "US", "unitedstatesofamerica", "US", "america", "US", "uk", "GB", "greatbritain", "GB",
                "england", "GB", "scotland", "GB", "wales", "GB", "southkorea", "KR", "russia", "RU")
                .forEach(COUNTRIES::put);
        COUNTRIES.putAll(Map.of("czechrepublic", "CZ", "holland", "NL", "thenetherlands", "NL", "vietnam", "VN",
                "ivorycoast", "CI", "turkey", "TR", "uae", "AE", "deutschland", "DE"));
    }

    private CellValues() {
    }

    static Optional<Boolean> flag(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(key)) {
            return Optional.of(true);
        }
        return FALSE.contains(key) ? Optional.of(false) : Optional.empty();
    }

    static Optional<LifecycleStage> stage(String value) {
        return Optional.ofNullable(STAGES.get(letters(value)));
    }

    /** The lead source a cell names: {@code WEB_FORM}, "Web form", "Website", "Trade show" (a campaign), ... */
    static Optional<LeadSource> leadSource(String value) {
        return Optional.ofNullable(SOURCES.get(letters(value)));
    }

    private static void sources(LeadSource source, String... names) {
        for (String name : names) {
            SOURCES.put(name, source);
        }
    }

    /** The ISO 3166 alpha-2 code of a country given by alpha-2 or alpha-3 code or by its English name. */
    static Optional<String> country(String value) {
        return Optional.ofNullable(COUNTRIES.get(letters(value)));
    }

    private static String letters(String value) {
        return NOT_LETTERS.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
