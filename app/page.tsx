export default function Home() {
  return <main>Casebook</main>;
}
