package org.kefu.web.crm;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kefu.crm.AccountEntry;
import org.kefu.crm.CustomerDraft;
import org.kefu.crm.CustomerException;
import org.kefu.crm.CustomerImport;
import org.kefu.crm.CustomerRecords;
import org.kefu.crm.CustomerRules;
import org.kefu.crm.CustomerSearch;
import org.kefu.crm.FieldProblem;
import org.kefu.crm.ImportRow;
import org.kefu.crm.PhoneEntry;
import org.kefu.web.PageMessages;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * agent/customers.xhtml: the customer list (search, filter, sort, page), the editor, and for
 * supervisors and admins import and export. {@code ?id=} opens a customer, {@code ?new=<phone>}
 * starts a new one with that phone (the screen pop's unknown caller).
 */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CustomerRecords records;

    @EJB
    private CustomerImport importer;

    private final CustomerSearch search = new CustomerSearch();
    private CustomerListModel list;

    private Long idParam;
    private String newPhone;

    private CustomerDraft draft;

    private UploadedFile upload;
    private final List<ImportProblemLine> importProblems = new ArrayList<>();

    @PostConstruct
    void init() {
        list = new CustomerListModel(records, search);
    }

    /** The page's parameters, after they were set (f:viewAction). */
    public void onLoad() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (idParam != null) {
            open(idParam);
        } else if (newPhone != null && !newPhone.isBlank()) {
            startNew();
            draft.getPhones().get(0).setNumber(newPhone.strip());
        }
    }

    public void find() {
        // The table reloads from the database with the new criteria, from its first page.
        FacesContext faces = FacesContext.getCurrentInstance();
        org.primefaces.component.datatable.DataTable table = (org.primefaces.component.datatable.DataTable)
                faces.getViewRoot().findComponent("customers:list");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void clearSearch() {
        search.setText(null);
        search.setVipLevel(null);
        search.setLanguage(null);
        find();
    }

    public void open(long id) {
        draft = records.load(id).orElse(null);
        if (draft == null) {
            PageMessages.error("crm.problem.customer.unknown", String.valueOf(id));
        } else {
            ensureLines();
        }
    }

    public void startNew() {
        draft = new CustomerDraft();
        ensureLines();
    }

    public void close() {
        draft = null;
    }

    public void addPhone() {
        draft.getPhones().add(new PhoneEntry("", "MOBILE"));
    }

    public void removePhone(int index) {
        draft.getPhones().remove(index);
        ensureLines();
    }

    public void addAccount() {
        draft.getAccounts().add(new AccountEntry("", "BANK", null));
    }

    public void removeAccount(int index) {
        draft.getAccounts().remove(index);
    }

    public void save() {
        boolean isNew = draft.getId() == null;
        try {
            if (isNew) {
                long id = records.create(draft);
                draft = records.load(id).orElseThrow();
            } else {
                records.update(draft);
                draft = records.load(draft.getId()).orElseThrow();
            }
            ensureLines();
            PageMessages.info(isNew ? "crm.created" : "crm.saved", draft.getName());
        } catch (CustomerException e) {
            for (FieldProblem p : e.getProblems()) {
                PageMessages.errorAt("customers:" + editorField(p.getField()), problemKey(p), p.getArgs().toArray());
            }
            PageMessages.error("crm.notSaved");
        }
    }

    /** A field problem's text is "crm.problem.<code>" with the problem's values. */
    private static String problemKey(FieldProblem p) {
        return "crm.problem." + p.getCode();
    }

    /** The editor component a field's message sits beside. */
    private static String editorField(String field) {
        return switch (field) {
            case "name", "idNumber", "vipLevel", "language", "address", "phones", "accounts" -> "editor-" + field;
            default -> "editor-name";
        };
    }

    private void ensureLines() {
        if (draft.getPhones().isEmpty()) {
            draft.getPhones().add(new PhoneEntry("", "MOBILE"));
        }
    }

    public void importFile() {
        importProblems.clear();
        if (upload == null || upload.getSize() == 0) {
            PageMessages.errorAt("import:import-file", "crm.problem.file.empty");
            return;
        }
        String fileName = upload.getFileName();
        List<ImportRow> rows;
        try {
            rows = CustomerFile.read(fileName, upload.getContent());
        } catch (MalformedFileException e) {
            PageMessages.errorAt("import:import-file", "crm.problem." + e.getCode(), (Object[]) e.getArgs());
            return;
        }
        try {
            int imported = importer.importAll(fileName, rows);
            PageMessages.info("crm.import.done", imported, fileName);
            find();
        } catch (CustomerException e) {
            Locale locale = PageMessages.locale();
            for (FieldProblem p : e.getProblems()) {
                String column = CustomerColumn.byField(p.getField()).map(c -> c.heading(locale)).orElse("");
                importProblems.add(new ImportProblemLine(p.getRow(), column, PageMessages.text(problemKey(p), p.getArgs().toArray())));
            }
            PageMessages.errorAt("import:import-file", "crm.import.refused",
                    importProblems.stream().mapToInt(ImportProblemLine::getRow).filter(r -> r > 0).distinct().count(),
                    rows.size());
        } catch (EJBAccessException e) {
            PageMessages.errorAt("import:import-file", "crm.import.forbidden");
        }
    }

    /** The export link for the list as it is now filtered and sorted. */
    public String exportUrl(String format) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        StringBuilder url = new StringBuilder(external.getRequestContextPath()).append("/agent/customers-export?format=").append(format);
        if (search.getText() != null && !search.getText().isBlank()) {
            url.append("&text=").append(URLEncoder.encode(search.getText().strip(), StandardCharsets.UTF_8));
        }
        if (search.getVipLevel() != null) {
            url.append("&vip=").append(search.getVipLevel());
        }
        if (search.getLanguage() != null && !search.getLanguage().isBlank()) {
            url.append("&lang=").append(search.getLanguage());
        }
        url.append("&sort=").append(search.getSortField().name()).append("&asc=").append(search.isAscending());
        return url.toString();
    }

    public boolean isMayImport() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("supervisor") || external.isUserInRole("admin");
    }

    public List<String> getLanguages() {
        return CustomerRules.LANGUAGES;
    }

    public List<String> getPhoneKinds() {
        return CustomerRules.PHONE_KINDS;
    }

    public List<String> getAccountKinds() {
        return CustomerRules.ACCOUNT_KINDS;
    }

    public List<Integer> getVipLevels() {
        return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    public CustomerSearch getSearch() {
        return search;
    }

    public CustomerListModel getList() {
        return list;
    }

    public CustomerDraft getDraft() {
        return draft;
    }

    public Long getIdParam() {
        return idParam;
    }

    public void setIdParam(Long idParam) {
        this.idParam = idParam;
    }

    public String getNewPhone() {
        return newPhone;
    }

    public void setNewPhone(String newPhone) {
        this.newPhone = newPhone;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public List<ImportProblemLine> getImportProblems() {
        return importProblems;
    }

    /** One problem of a refused import, as the table under the upload shows it. */
    public static final class ImportProblemLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int row;
        private final String column;
        private final String message;

        ImportProblemLine(int row, String column, String message) {
            this.row = row;
            this.column = column;
            this.message = message;
        }

        public int getRow() {
            return row;
        }

        public String getColumn() {
            return column;
        }

        public String getMessage() {
            return message;
        }
    }
}
