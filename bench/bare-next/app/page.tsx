// One static page, padded at build time to the size of Surge's /en (BARE_PAGE_TEXT_BYTES, set by the bench), so
// both servers send the same number of bytes per view.
const textBytes = Number(process.env.BARE_PAGE_TEXT_BYTES ?? 20_000);
const paragraph = "Every page is generated ahead of time and served from the cache. ";
const paragraphs = Array.from({ length: Math.ceil(textBytes / paragraph.length / 10) }, () =>
  paragraph.repeat(10),
);

export default function Page() {
  return (
    <main>
      <h1>Bare Next.js</h1>
      {paragraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
    </main>
  );
}
