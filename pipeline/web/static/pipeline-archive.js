// Scroll to the highlighted sentence, also where the browser ignores #:~:text= fragments.
var marked = document.querySelector("mark.sentence, mark.figure");
if (marked) { marked.scrollIntoView({block: "center"}); }
