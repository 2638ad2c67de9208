package org.kefu.ivr.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.security.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * Administrators upload prompt recordings into the {@link PromptFolder}: checked (name, language,
 * 8 kHz mono WAV, length), written atomically so a call never plays half a file, audited as
 * {@code IVR_PROMPT_UPLOAD}. The adapter plays the new file from the next play on, and flows may
 * use the name at once.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class PromptUploads {

    private static final Logger LOG = Logger.getLogger(PromptUploads.class);

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    /**
     * @return the stored entry, {@code <lang>/<name>}
     * @throws IvrFlowException (not a "not found") naming what is wrong; nothing is written then
     */
    public String upload(String lang, String name, byte[] wav, String sourceAddress) throws IvrFlowException {
        String admin = context.getCallerPrincipal().getName();
        String entry = lang + "/" + name;
        String problem = PromptFolder.checkName(lang, name);
        if (problem == null) {
            problem = PromptFolder.checkWav(wav);
        }
        if (problem != null) {
            audit.recordIndependently(admin, "IVR_PROMPT_UPLOAD", shorten(entry), AuditOutcome.FAILURE, problem, sourceAddress);
            throw new IvrFlowException(List.of(problem), false);
        }
        Path dir = PromptFolder.dir().resolve(lang);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".upload");
            Files.write(tmp, wav);
            Files.move(tmp, dir.resolve(name + ".wav"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            audit.recordIndependently(admin, "IVR_PROMPT_UPLOAD", entry, AuditOutcome.FAILURE,
                    "cannot write: " + e.getMessage(), sourceAddress);
            throw new IllegalStateException("cannot store prompt " + entry + " in " + dir + ": " + e.getMessage(), e);
        }
        audit.record(admin, "IVR_PROMPT_UPLOAD", entry, AuditOutcome.SUCCESS, wav.length + " bytes", sourceAddress);
        LOG.infof("Prompt %s uploaded by %s (%d bytes)", entry, admin, wav.length);
        return entry;
    }

    /** The uploaded prompts, {@code <lang>/<name>}. */
    public Set<String> uploaded() {
        return PromptFolder.entries(PromptFolder.dir());
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
