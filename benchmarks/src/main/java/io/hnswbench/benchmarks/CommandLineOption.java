package io.hnswbench.benchmarks;

import io.hnswbench.benchmarks.BenchmarkOptions.InvalidArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One option of a benchmark's command line: {@code --name value}, {@code --name=value} or a bare flag. */
record CommandLineOption(String name, String value) {

    /**
     * Splits a command line into options; names in {@code flags} take no value (theirs is null).
     *
     * @throws InvalidArguments for a word that is not an option, or an option without its value
     */
    static List<CommandLineOption> parse(String[] args, Set<String> flags) throws InvalidArguments {
        List<CommandLineOption> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new InvalidArguments("unexpected argument: " + name);
            }
            if (flags.contains(name)) {
                options.add(new CommandLineOption(name, null));
                continue;
            }
            int equals = name.indexOf('=');
            if (equals > 0) {
                options.add(new CommandLineOption(name.substring(0, equals), name.substring(equals + 1)));
            } else if (i + 1 < args.length) {
                options.add(new CommandLineOption(name, args[++i]));
            } else {
                throw new InvalidArguments(name + " needs a value");
            }
        }
        return options;
    }
}
