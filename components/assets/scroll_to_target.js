// The source viewer's scroll to the emphasised span once it is drawn: look every 150 ms, for 6 s at most.
// One function expression; components/sources.py calls it with the span's element id.
(function (id) {
  let tries = 0;
  const timer = setInterval(() => {
    const target = document.getElementById(id);
    tries += 1;
    if (target) {
      target.scrollIntoView({ block: "center" });
      clearInterval(timer);
    }
    if (tries > 40) clearInterval(timer);
  }, 150);
})
