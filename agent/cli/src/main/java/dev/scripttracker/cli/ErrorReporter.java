package dev.scripttracker.cli;

import dev.scripttracker.ScriptTrackerException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns exceptions into one clear message on stderr and an exit code; stack traces only with --debug. */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof ScriptTrackerException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + e.getMessage());
        } else {
            commandLine.getErr().println("error: " + e);
            e.printStackTrace(commandLine.getErr());
        }
        if (Boolean.getBoolean("scripttracker.debug") && e instanceof ScriptTrackerException) {
            e.printStackTrace(commandLine.getErr());
        }
        return ExitCodes.USAGE_OR_CONFIGURATION;
    }

    /** Usage errors: the message, then a pointer to --help rather than the whole usage text. */
    static final class UsageErrors implements IParameterExceptionHandler {

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            command.getErr().println("error: " + wordsOf(e));
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE_OR_CONFIGURATION;
        }

        /** picocli's message, without the doubled word of its map options ("Value for option option '--param'"). */
        private static String wordsOf(ParameterException e) {
            return String.valueOf(e.getMessage()).replace("option option '", "option '");
        }
    }
}
