package io.hnswbench.workbench.desktop;

import io.hnswbench.workbench.WorkbenchProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The user's last choices: dataset, field values, window layout, kept in a properties file
 * ({@code workbench.choices-file}) so the workbench opens as it was left. Keys are dotted by
 * screen, e.g. {@code build.m}. Thread-safe; {@link #save()} writes the file atomically.
 */
@Component
class UserChoices {

    private static final Logger LOG = LoggerFactory.getLogger(UserChoices.class);

    private final Path file;
    private boolean saveFailureLogged;
    private final Properties values = new Properties();

    public UserChoices(WorkbenchProperties properties) {
        this.file = properties.choicesFile();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // A damaged file costs the user their last choices, not the start of the app.
                values.clear();
            }
        }
    }

    /** The remembered value of {@code key}, or {@code fallback} when none is. */
    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /** The remembered number of {@code key}, or {@code fallback} when none (or no number) is. */
    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException absent) {
            return fallback;
        }
    }

    /** Remembers {@code value} under {@code key}; {@code null} forgets the key. */
    public void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value.toString());
        }
    }

    /**
     * Writes the choices to the file (through a temporary file, so a crash leaves the old one).
     * Remembering is a convenience: when the file cannot be written (a read-only home, a full
     * disk) the failure is logged once and the user's action goes on.
     */
    public synchronized void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                values.store(out, "HNSW Workbench: the last choices of the desktop app");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!saveFailureLogged) {
                saveFailureLogged = true;
                LOG.warn("cannot save the workbench's choices to {}: {}; they will not be remembered", file,
                        e.toString());
            }
        }
    }

    /** The file the choices live in. */
    public Path file() {
        return file;
    }
}
