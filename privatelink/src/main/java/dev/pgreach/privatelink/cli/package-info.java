/**
 * The {@code pgreach} command line: {@code check}, {@code resolve}, {@code validate}, {@code
 * expose}, {@code compare}, {@code ask} and {@code sample}, over an estate read from Azure Resource Manager JSON
 * and a companion document by {@link dev.pgreach.privatelink.arm.ArmImport}.
 *
 * <p>{@link dev.pgreach.privatelink.cli.Cli#run(String[], java.io.PrintStream,
 * java.io.PrintStream)} parses the arguments strictly (an unknown or repeated option is a usage
 * error), reads the input, asks the question of {@link dev.pgreach.privatelink.Connectivity} or
 * {@link dev.pgreach.privatelink.EstateValidation}, writes the answer as text or JSON, and returns
 * an {@link dev.pgreach.privatelink.cli.ExitStatus}. Errors in the input are printed as one line
 * naming the JSON path and the value, never as a stack trace; input files are read through a
 * bounded stream, as UTF-8.
 *
 * <p>Left out: anything that talks to Azure (the command line reads files only), interactive use,
 * and configuration files; the arguments are the whole question.
 *
 * <p>Formats: text, JSON (with {@code schemaVersion}; JSON Schemas under {@code
 * dev/pgreach/privatelink/schema}), SARIF 2.1.0 ({@code validate}, {@code compare}) and JUnit XML;
 * gates ({@code --fail-on}, {@code --baseline}, {@code --suppress}, the {@code pgreach-suppress}
 * resource tag) decide the exit status. {@code ask} answers many questions against one compiled
 * estate. The runnable jar ({@code pgreach-privatelink-<version>-cli.jar}) holds everything the
 * command line needs.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.cli;
