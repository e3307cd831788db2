// The chat page's own texts, bokmål (nb) and nynorsk (nn) side by side: the one place to change them.
// Loaded before losen.js, so the page has them before it first paints (no second request to wait
// for, no flash of the other standard). Between the braces it is plain JSON, which tests/test_web.py
// reads. index.html keeps the bokmål texts too, as what shows if the script does not run; the test
// fails if the two differ. Bot messages are not here: they come from domain.yml in either standard.
window.LOSEN_TEXTS = {
  "tagline": {
    "nb": "En anonym chatbot, ikke et menneske.",
    "nn": "Ein anonym chatbot, ikkje eit menneske."
  },
  "exit": {
    "nb": "Lukk raskt",
    "nn": "Lukk raskt"
  },
  "exitLabel": {
    "nb": "Lukk raskt: bytter til en nøytral side",
    "nn": "Lukk raskt: byter til ei nøytral side"
  },
  "emergencyLabel": {
    "nb": "Ring for hjelp",
    "nn": "Ring for hjelp"
  },
  "call113": {
    "nb": "Livsfare? Ring",
    "nn": "Livsfare? Ring"
  },
  "callLegevakt": {
    "nb": "Legevakt",
    "nn": "Legevakt"
  },
  "logLabel": {
    "nb": "Samtalen med Losen",
    "nn": "Samtalen med Losen"
  },
  "typing": {
    "nb": "Losen skriver …",
    "nn": "Losen skriv …"
  },
  "offline": {
    "nb": "Beklager, Losen svarer ikke akkurat nå. Du kan ringe noen som svarer hele døgnet:",
    "nn": "Orsak, Losen svarar ikkje akkurat no. Du kan ringje nokon som svarar heile døgnet:"
  },
  "offline113": {
    "nb": "medisinsk nødtelefon, ved livsfare",
    "nn": "medisinsk naudtelefon, ved livsfare"
  },
  "offlineLegevakt": {
    "nb": "legevakt",
    "nn": "legevakt"
  },
  "offlineMentalHelse": {
    "nb": "Mental Helses hjelpetelefon",
    "nn": "hjelpetelefonen til Mental Helse"
  },
  "inputLabel": {
    "nb": "Skriv til Losen",
    "nn": "Skriv til Losen"
  },
  "placeholder": {
    "nb": "Skriv hva som skjer …",
    "nn": "Skriv kva som skjer …"
  },
  "send": {
    "nb": "Send",
    "nn": "Send"
  },
  "clear": {
    "nb": "Slett samtalen",
    "nn": "Slett samtalen"
  },
  "malformLabel": {
    "nb": "Målform",
    "nn": "Målform"
  },
  "note": {
    "nb": "Ingenting lagres i nettleseren din. «Lukk raskt» eller Esc to ganger tar deg til yr.no.",
    "nn": "Ingenting blir lagra i nettlesaren din. «Lukk raskt» eller Esc to gonger tek deg til yr.no."
  },
  "greeting": {
    "nb": "Hei, jeg heter Losen. Jeg er en chatbot, ikke et menneske, og du er anonym her. Skriv med dine egne ord hva som skjer. Er noen i livsfare, ring 113.",
    "nn": "Hei, eg heiter Losen. Eg er ein chatbot, ikkje eit menneske, og du er anonym her. Skriv med dine eigne ord kva som skjer. Er nokon i livsfare, ring 113."
  }
};
