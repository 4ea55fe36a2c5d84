package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.ServiceProfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole-estate connection question on the sample estate (resolve, route, front door, NSGs,
 * firewall or endpoint, session), two ways in the same run:
 *
 * <ul>
 *   <li>{@code compiled}: {@link Connectivity} built once and asked every question, as a service
 *       embedding pgreach would hold it;
 *   <li>{@code uncompiled}: a fresh {@link Connectivity} per question — routes, NSGs, firewall
 *       indexes and DNS tables rebuilt each time, the naive way;
 * </ul>
 *
 * <p>and {@code expose}: who can reach orders-db, over every subnet and on-premises address class.
 * The questions cycle through the fourteen sample questions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectBenchmark {
  private Estate estate;
  private Connectivity connectivity;
  private SampleEstate.Question[] questions;
  private Client[] clients;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    estate = SampleEstate.estate();
    connectivity = Connectivity.of(estate, ServiceProfile.current());
    questions = SampleEstate.questions().toArray(new SampleEstate.Question[0]);
    clients = new Client[questions.length];
    for (int i = 0; i < questions.length; i++) {
      clients[i] = estate.client(questions[i].client());
    }
  }

  private int question() {
    next = (next + 1) % questions.length;
    return next;
  }

  @Benchmark
  public Connection compiled() {
    int i = question();
    return connectivity.connect(clients[i], questions[i].target(), questions[i].port(), SampleEstate.INSTANT);
  }

  @Benchmark
  public Connection uncompiled() {
    int i = question();
    return Connectivity.of(estate, ServiceProfile.current()).connect(clients[i], questions[i].target(), questions[i].port(), SampleEstate.INSTANT);
  }

  @Benchmark
  public Exposure expose() {
    return connectivity.expose(SampleEstate.server("orders-db"), 5432, SampleEstate.INSTANT);
  }
}
