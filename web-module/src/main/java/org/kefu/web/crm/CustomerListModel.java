package org.kefu.web.crm;

import org.kefu.crm.CustomerRecords;
import org.kefu.crm.CustomerSearch;
import org.kefu.crm.CustomerSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;

/**
 * The customer table's rows, a page at a time: the database sorts, filters and pages
 * ({@link CustomerRecords#search}), the table only asks.
 */
public class CustomerListModel extends LazyDataModel<CustomerSummary> {

    private static final long serialVersionUID = 1L;

    private final CustomerRecords records;
    private final CustomerSearch search;

    public CustomerListModel(CustomerRecords records, CustomerSearch search) {
        this.records = records;
        this.search = search;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, records.count(search));
    }

    @Override
    public List<CustomerSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
            search.setSortField(sortField(sort.getField()));
            search.setAscending(sort.getOrder() == SortOrder.ASCENDING);
        }
        return records.search(search, first, pageSize);
    }

    private static CustomerSearch.SortField sortField(String field) {
        for (CustomerSearch.SortField f : CustomerSearch.SortField.values()) {
            if (f.name().equals(field)) {
                return f;
            }
        }
        return CustomerSearch.SortField.id;
    }

    @Override
    public String getRowKey(CustomerSummary customer) {
        return String.valueOf(customer.getId());
    }

    @Override
    public CustomerSummary getRowData(String rowKey) {
        return null;
    }
}
