package org.rapport.customers;

import java.util.List;
import java.util.Random;

import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.DemoDataContributor;
import org.springframework.stereotype.Component;

/** Demo accounts spread over the demo sales reps, managers and support agents (deterministic). */
@Component
class CustomersDemoData implements DemoDataContributor {

    private static final List<String> NAMES = List.of(
            "Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Industries", "Tailspin Toys", "Wingtip Travel",
            "Adventure Works Cycles", "Litware Software", "Proseware Labs", "Lucerne Publishing", "Margie's Travel",
            "Blue Yonder Airlines", "Coho Vineyard", "Alpine Ski House", "Humongous Insurance", "Trey Research",
            "Woodgrove Bank", "Fourth Coffee", "Graphic Design Institute", "Relecloud", "Southridge Video",
            "Datum Corporation", "Bellows College", "Consolidated Messenger", "Nod Publishers", "Wide World Importers",
            "Munson's Pickles and Preserves", "VanArsdel Ltd", "Lamna Healthcare", "Best For You Organics",
            "Fincher Architects", "Sandhill Logistics", "Oakridge Dental Group", "Harbor Point Marine",
            "Keystone Robotics", "Silverline Telecom", "Greenfield Farms", "Ironclad Security", "Brightpath Learning",
            "Crescent Hotels", "Summit Analytics");
    private static final List<String> INDUSTRIES = List.of(
            "Retail", "Pharmaceuticals", "Manufacturing", "Toys", "Travel", "Sporting goods", "Software", "Research",
            "Publishing", "Airlines", "Wine", "Leisure", "Insurance", "Banking", "Food and beverage", "Education",
            "Logistics", "Healthcare", "Telecommunications", "Agriculture");

    private final AccountRepository accounts;
    private final UserService users;

    CustomersDemoData(AccountRepository accounts, UserService users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        List<UserView> owners = users.list().stream()
                .filter(u -> u.role() == Role.SALES_REP || u.role() == Role.MANAGER || u.role() == Role.SUPPORT_AGENT)
                .toList();
        if (owners.isEmpty()) {
            return;
        }
        Random random = new Random(42);
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            UserView owner = owners.get(random.nextInt(owners.size()));
            String domain = name.toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example";
            accounts.insert(new AccountFields(name, domain, INDUSTRIES.get(i % INDUSTRIES.size()), owner.id()),
                    owner.id(), owner.departmentId(), null);
        }
    }
}
