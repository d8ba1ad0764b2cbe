package io.hnswbench.workbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns a failed verb into one line a user can act on instead of a stack trace: a bad argument
 * (an {@link IllegalArgumentException}) also prints the verb's usage and exits with 2, like a
 * wrong option; a file problem exits with 1. Anything else is a bug and keeps its stack trace.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    static final int FILE_PROBLEM = 1;
    static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        switch (failure) {
            case IllegalArgumentException badArgument -> {
                err.println(name + ": " + badArgument.getMessage());
                err.println();
                commandLine.usage(err);
                return commandLine.getCommandSpec().exitCodeOnInvalidInput();
            }
            case IOException fileProblem -> {
                err.println(name + ": " + describe(fileProblem));
                return FILE_PROBLEM;
            }
            case UncheckedIOException fileProblem -> {
                err.println(name + ": " + describe(fileProblem.getCause()));
                return FILE_PROBLEM;
            }
            case InterruptedException interrupted -> {
                err.println(name + ": interrupted");
                return INTERRUPTED;
            }
            default -> {
                err.println(name + ": failed unexpectedly:");
                failure.printStackTrace(err);
                return commandLine.getCommandSpec().exitCodeOnExecutionException();
            }
        }
    }

    /** The JDK's file exceptions carry only the path as their message; say what is wrong with it. */
    private static String describe(IOException problem) {
        return switch (problem) {
            case NoSuchFileException missing -> "no such file or folder: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileAlreadyExistsException exists -> "already exists: " + exists.getFile();
            default -> problem.getMessage();
        };
    }
}
