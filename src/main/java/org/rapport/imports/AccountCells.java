package org.rapport.imports;

import java.util.ArrayList;
import java.util.List;

import org.rapport.customers.AccountView;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.ListExportService;
import org.rapport.customers.PostalAddress;

/** The columns of an account export and an account's cells. */
final class AccountCells {

    static final List<String> COLUMNS = List.of("Name", "Domain", "Industry", "Relationship Types", "Lifecycle Stage",
            "Employees", "Annual Revenue", "Revenue Currency", "Phone", "Billing Street", "Billing City",
            "Billing Region", "Billing Postal Code", "Billing Country", "Shipping Street", "Shipping City",
            "Shipping Region", "Shipping Postal Code", "Shipping Country", "Parent Account", "Tags", "Owner Email",
            "Owner");

    private AccountCells() {
    }

    static List<String> header(List<CustomFieldDefinition> custom) {
        return ExportCells.header(COLUMNS, custom, ExportCells.RECORD_COLUMNS, label -> false);
    }

    static List<String> of(ListExportService.AccountRow row, List<CustomFieldDefinition> custom) {
        AccountView a = row.account();
        List<String> cells = new ArrayList<>();
        cells.add(a.name());
        cells.add(a.domain());
        cells.add(a.industry());
        cells.add(String.join("; ", a.relationshipTypes().stream().map(Enum::name).sorted().toList()));
        cells.add(a.lifecycleStage() == null ? null : a.lifecycleStage().name());
        cells.add(a.employees() == null ? null : a.employees().toString());
        cells.add(a.annualRevenue() == null ? null : a.annualRevenue().toPlainString());
        cells.add(a.revenueCurrency());
        cells.add(a.phone());
        ExportCells.address(orEmpty(a.billingAddress()), cells);
        ExportCells.address(orEmpty(a.shippingAddress()), cells);
        cells.add(row.parentName());
        cells.add(String.join("; ", a.tags()));
        cells.add(row.ownerEmail());
        cells.add(a.ownerName());
        ExportCells.record(a.customFields(), custom, a.createdAt(), a.updatedAt(), a.id(), cells);
        return cells;
    }

    private static PostalAddress orEmpty(PostalAddress address) {
        return address == null ? new PostalAddress(null, null, null, null, null) : address;
    }
}
