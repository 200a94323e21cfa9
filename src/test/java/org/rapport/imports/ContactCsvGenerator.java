package org.rapport.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a contacts CSV of any size for the import benchmark: realistic columns, every 100th row bad in one of
 * five ways (email, phone, name, lifecycle stage, country), so that about 1% of the rows fail.
 * Run {@code main} to write a file: {@code <path> <rows> [email domain] [phone area code]}.
 */
final class ContactCsvGenerator {

    static final String HEADER = "First Name,Last Name,Email Address,Mobile Phone,Job Title,Company,Mailing City,"
            + "Mailing Country,Lifecycle Stage,Tags\n";
    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken",
            "Margaret", "Dennis", "Radia", "Tim", "Hedy", "John", "Katherine", "Linus"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen",
            "Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Backus", "Johnson", "Torvalds"};
    private static final String[] CITY = {"London", "Boston", "Zürich", "São Paulo", "Kraków", "Austin", "Lyon"};
    private static final String[] COUNTRY = {"GB", "US", "Switzerland", "BR", "Poland", "USA", "FR"};
    private static final String[] STAGE = {"Lead", "Customer", "MQL", "subscriber", "Opportunity", ""};

    private ContactCsvGenerator() {
    }

    /** Rows whose number (header = 1) is a multiple of 100 are bad. */
    static boolean bad(int rowNumber) {
        return rowNumber % 100 == 0;
    }

    static void write(Writer out, int rows, String domain, List<String> accounts) throws IOException {
        write(out, rows, domain, accounts, 212);
    }

    static void write(Writer out, int rows, String domain, List<String> accounts, int areaCode) throws IOException {
        out.write(HEADER);
        for (int i = 0; i < rows; i++) {
            int rowNumber = i + 2;
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length] + (i / 256);
            String email = (first + "." + last + "." + i + "@" + domain).toLowerCase();
            String phone = "(" + areaCode + ") " + (200 + i / 10_000) + "-" + String.format("%04d", i % 10_000);
            String stage = STAGE[i % STAGE.length];
            String country = COUNTRY[i % COUNTRY.length];
            if (bad(rowNumber)) {
                switch ((rowNumber / 100) % 5) {
                    case 0 -> email = "not-an-email-" + i;
                    case 1 -> phone = "12";
                    case 2 -> {
                        first = "";
                        last = "";
                    }
                    case 3 -> stage = "rockstar";
                    default -> country = "Atlantis";
                }
            }
            String company = i % 10 == 0 && !accounts.isEmpty() ? accounts.get(i % accounts.size()) : "";
            out.write(String.join(",", first, last, email, phone, "Engineer " + (i % 7), company,
                    CITY[i % CITY.length], country, stage, "bench;batch" + (i % 3)));
            out.write('\n');
        }
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String domain = args.length > 2 ? args[2] : "bench.example";
        int areaCode = args.length > 3 ? Integer.parseInt(args[3]) : 212;
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            write(out, rows, domain, List.of(), areaCode);
        }
    }
}
